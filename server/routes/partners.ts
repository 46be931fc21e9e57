import type { AppContext } from '../context.js';
import { HttpError, validationError } from '../http/problem.js';
import { findNeighbourhoodRow } from '../store/neighbourhoods.js';
import { countPartnerVisit, partnerTarget, partnerVisitsOf } from '../store/partners.js';
import type { Handlers } from './types.js';

async function neighbourhoodOf(ctx: AppContext, ref: string, now: Date) {
  const row = await findNeighbourhoodRow(ctx.db, ref, now);
  if (!row) throw new HttpError(404, 'not_found', `There is no neighbourhood "${ref}".`);
  return row;
}

/**
 * Partner links that pay their way: the visit redirect (counts only) and the organisers' counts.
 * The visitor is never looked at: no cookie is read or set, no address, agent or referrer kept.
 */
export const partnerHandlers: Pick<Handlers, 'visitPartner' | 'getPartnerVisits'> = {
  async visitPartner({ params, request, now }, ctx) {
    // The target is only ever the stored address. A query (`?url=https://elsewhere`) is refused
    // rather than ignored, so a forged link fails visibly instead of looking like it works.
    if (new URL(request.url).search !== '')
      throw validationError([{ path: 'query', message: 'a partner link takes no parameters' }]);
    const row = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    const location = partnerTarget(row, params.partnerId);
    if (!location) throw new HttpError(404, 'not_found', `There is no partner service "${params.partnerId}" here.`);
    // HEAD (link checkers, prefetchers) learns where the link goes without counting a visit.
    if (request.method !== 'HEAD') await countPartnerVisit(ctx.db, row.id, params.partnerId);
    return new Response(null, {
      status: 303,
      headers: {
        Location: location,
        // Every visit reaches the counter; the reader's page address never reaches the partner.
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      },
    });
  },

  async getPartnerVisits({ params, member, now }, ctx) {
    const row = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    // The organiser role comes from the token (the platform's authenticator), never from the request.
    if (!member!.organiserOf?.includes(row.id))
      throw new HttpError(
        403,
        'forbidden',
        "Only the neighbourhood's organisers (town hall, associations) can see this.",
      );
    return { body: await partnerVisitsOf(ctx.db, row), cacheControl: 'private, no-cache' };
  },
};
