import type { AgendaItem } from '../../contract/index.js';

/**
 * An agenda item as an iCalendar file (RFC 5545) that any calendar application imports: one
 * VEVENT with UTC times, TEXT values escaped (§3.3.11) and lines folded at 75 octets (§3.1).
 * Built in the browser from data the widget already has; nothing is sent anywhere.
 */

const CRLF = '\r\n';

/** `2027-03-06T13:00:00Z` → `20270306T130000Z` (§3.3.5, form #2: UTC). */
export const icsTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Backslash, semicolon and comma are escaped; line breaks become `\n` (§3.3.11). */
export const icsText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/**
 * Folds a content line so that no line exceeds 75 octets of UTF-8, continuation lines starting
 * with one space (§3.1); never inside a character (multi-byte letters and emoji stay whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const max = parts.length === 0 ? 75 : 74; // continuation lines begin with a space
    if (size + bytes > max) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export interface IcsOptions {
  /** Host of the API, so that UIDs are globally unique (§3.8.4.7). */
  host: string;
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** Description of the item's organiser, e.g. "Organised by …" in the reader's language. */
  organiserLine: string;
}

export function agendaItemToICalendar(item: AgendaItem, { host, now, organiserLine }: IcsOptions): string {
  const description = [item.description, organiserLine].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Partage//Agenda widget//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(`${item.id}@${host}`)}`,
    `DTSTAMP:${icsTime(now.toISOString())}`,
    `DTSTART:${icsTime(item.startsAt)}`,
    `DTEND:${icsTime(item.endsAt)}`,
    `LAST-MODIFIED:${icsTime(item.updatedAt)}`,
    `SUMMARY:${icsText(item.title)}`,
    `DESCRIPTION:${icsText(description)}`,
    `LOCATION:${icsText(item.place.label)}`,
    `STATUS:${item.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A file name readers recognise, safe on every system. */
export const icsFileName = (item: AgendaItem) =>
  `${
    item.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'event'
  }.ics`;
