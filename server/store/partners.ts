import {
  defaultPartnerCode,
  partnerServiceView,
  type PartnerServiceEntry,
  type PartnerVisits,
} from '../../src/contract/index.js';
import type { Queryable } from '../db/db.js';

/*
 * Partner links: the attribution is the backend's (per neighbourhood), the count is a number per
 * link. Nothing about the visitor is read or kept.
 */

/** What these functions read of a neighbourhood row (store/neighbourhoods.ts). */
export interface PartnerColumns {
  id: string;
  slug: string;
  partner_code: string | null;
  partner_services: PartnerServiceEntry[];
}

const codeOf = (row: PartnerColumns) => row.partner_code ?? defaultPartnerCode(row.slug);

/** The partner's attributed address, or null when the neighbourhood lists no such partner. */
export function partnerTarget(row: PartnerColumns, partnerId: string): string | null {
  const entry = row.partner_services.find((p) => p.id === partnerId);
  return entry ? partnerServiceView(entry, { id: row.id, partnerCode: codeOf(row) }, '').url : null;
}

/** The partner services of an answer sent to `apiBase`: attributed, through the visit counter. */
export const partnerServicesOf = (row: PartnerColumns, apiBase: string) =>
  row.partner_services.map((p: PartnerServiceEntry) =>
    partnerServiceView(p, { id: row.id, partnerCode: codeOf(row) }, apiBase),
  );

/** One visit, counted by one atomic upsert (concurrent visits never lose one). */
export async function countPartnerVisit(q: Queryable, neighbourhoodId: string, partnerId: string): Promise<void> {
  await q.query(
    `INSERT INTO partner_visits (neighbourhood_id, partner_id, visits) VALUES ($1, $2, 1)
     ON CONFLICT (neighbourhood_id, partner_id) DO UPDATE SET visits = partner_visits.visits + 1`,
    [neighbourhoodId, partnerId],
  );
}

/** Visits of the partners the neighbourhood lists now, in its order (0 for a link never followed). */
export async function partnerVisitsOf(q: Queryable, row: PartnerColumns): Promise<PartnerVisits> {
  const result = await q.query<{ partner_id: string; visits: string | number }>(
    'SELECT partner_id, visits FROM partner_visits WHERE neighbourhood_id = $1',
    [row.id],
  );
  const counts = new Map(result.rows.map((r) => [r.partner_id, Number(r.visits)]));
  const partners = row.partner_services.map((p) => ({
    partnerId: p.id,
    name: p.name,
    kind: p.kind,
    visits: counts.get(p.id) ?? 0,
  }));
  return { neighbourhoodId: row.id, partners, totalVisits: partners.reduce((sum, p) => sum + p.visits, 0) };
}
