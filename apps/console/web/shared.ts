// What every screen of the store console shares (docs/console.md): the signed-in session, the
// services' clients typed from their OpenAPI documents (api/*.d.ts, generated), the status line
// and the tables of figures.
import createClient from 'openapi-fetch';
import type { paths as CustomerPaths } from './api/customer';
import type { paths as OrderPaths } from './api/order';
import type { paths as ReturnsPaths } from './api/returns';

export interface Session {
  token: string;
  storeId: string;
  associateId: string;
}
export interface Problem {
  code?: string;
  detail?: string;
}

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
/** The associate signed in on this page (kept for the tab in sessionStorage), or null. */
export const current: { session: Session | null } = { session: null };

export const clients = (s: Pick<Session, 'token'>) => {
  const headers = { authorization: `Bearer ${s.token}` };
  return {
    order: createClient<OrderPaths>({ baseUrl: `${location.origin}/api/order`, headers }),
    customer: createClient<CustomerPaths>({ baseUrl: `${location.origin}/api/customer`, headers }),
    returns: createClient<ReturnsPaths>({ baseUrl: `${location.origin}/api/returns`, headers }),
  };
};
/** Every change is sent with its own Idempotency-Key: a double tap or a retry applies it once. */
export const once = () => ({ 'idempotency-key': crypto.randomUUID() });

export function say(text: string, error = false): void {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}
export const refused = (what: string, p: unknown) => {
  const problem = (p ?? {}) as Problem;
  say(`${what}: ${problem.detail ?? 'refused'}${problem.code ? ` (${problem.code})` : ''}`, true);
};

export function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

/** A share shown as a bar and its percentage (the bar is decoration: the text says it). */
export interface Share {
  share: number | null;
}
export const share = (s: number | null): Share => ({ share: s });

/** Fills a table body with rows of cells: text, or a share drawn as a bar. */
export function fillRows<R>(rowsId: string, emptyId: string, rows: readonly R[], cells: (r: R) => (string | Share)[]): void {
  const body = $<HTMLTableSectionElement>(rowsId);
  body.replaceChildren();
  for (const r of rows) {
    const row = body.insertRow();
    for (const c of cells(r)) {
      if (typeof c === 'string') {
        cell(row, c);
        continue;
      }
      const td = row.insertCell();
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${Math.round((c.share ?? 0) * 6)}rem`;
      bar.setAttribute('aria-hidden', 'true');
      td.append(bar, c.share === null ? '—' : `${Math.round(c.share * 100)} %`);
    }
  }
  $(emptyId).hidden = rows.length > 0;
}
