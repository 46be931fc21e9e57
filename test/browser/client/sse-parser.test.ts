import { expect } from '@open-wc/testing';
import { SseParser } from '../../../src/client/sse.js';

describe('SseParser', () => {
  it('parses id, event and multi-line data, and ignores comments', () => {
    const p = new SseParser();
    const out = p.push(': heartbeat\nid: 1\nevent: pledge.created\ndata: {"a":\ndata: 1}\n\n');
    expect(out).to.deep.equal([{ event: 'pledge.created', data: '{"a":\n1}', id: '1' }]);
    expect(p.lastEventId).to.equal('1');
  });

  it('handles events split across chunks, including a CRLF split in two', () => {
    const p = new SseParser();
    expect(p.push('data: hel')).to.deep.equal([]);
    expect(p.push('lo\r')).to.deep.equal([]);
    expect(p.push('\n\r\n')).to.deep.equal([{ event: 'message', data: 'hello', id: '' }]);
    expect(p.push('data:x\r\rdata:y\n\n')).to.deep.equal([
      { event: 'message', data: 'x', id: '' },
      { event: 'message', data: 'y', id: '' },
    ]);
  });

  it('keeps the last id across events and commits it only on dispatch', () => {
    const p = new SseParser('5');
    expect(p.push('data: a\n\n')[0]!.id).to.equal('5');
    p.push('id: 6\ndata: b\n');
    expect(p.lastEventId).to.equal('5');
    p.push('\n');
    expect(p.lastEventId).to.equal('6');
    // An id-only block moves the id without dispatching anything.
    expect(p.push('id: 9\n\n')).to.deep.equal([]);
    expect(p.lastEventId).to.equal('9');
  });

  it('reads retry: with digits only, strips a BOM, ignores unknown fields and NUL ids', () => {
    const p = new SseParser();
    p.push('\uFEFFretry: 2500\nfoo: bar\nid: a\0b\ndata\n\n');
    expect(p.retry).to.equal(2500);
    expect(p.lastEventId).to.equal('');
    p.push('retry: 1s\n\n');
    expect(p.retry).to.equal(2500);
  });

  it('does not dispatch an event without data, and resets the event type', () => {
    const p = new SseParser();
    expect(p.push('event: x\n\ndata: y\n\n')).to.deep.equal([{ event: 'message', data: 'y', id: '' }]);
  });
});
