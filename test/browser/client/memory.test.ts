import { expect } from '@open-wc/testing';
import { forgetAll, recall, remember } from '../../../src/client/memory.js';

/*
 * Memory across visits keeps an answer once the page is idle (transport.ts): forgetting
 * everything must also drop the answers received before it whose write was still waiting.
 */
const URL_A = 'https://api.memory.test/v1/campaigns/a';

describe('memory across visits: forgetting', () => {
  afterEach(() => forgetAll());

  it('drops an answer received before forgetAll even when its write comes after', () => {
    const receivedAt = Date.now() - 50;
    forgetAll();
    remember(URL_A, { id: 'a' }, receivedAt);
    expect(recall(URL_A)).to.equal(undefined);
  });

  it('keeps an answer received after forgetAll', () => {
    forgetAll();
    const receivedAt = Date.now() + 1;
    remember(URL_A, { id: 'a' }, receivedAt);
    expect(recall(URL_A)).to.deep.equal({ savedAt: receivedAt, value: { id: 'a' } });
  });
});
