import { buildPo } from './po'
import type { FieldState } from './status'
import { buildXliff, type Exchange } from './xliff'
import { buildXliff12 } from './xliff12'

export const exportFormats = ['xliff', 'json', 'po']
export type ExchangeFormat = 'xliff' | 'po'
export const xliffVersions = ['2.0', '1.2']
export type XliffVersion = '2.0' | '1.2'

/** An exchange as a file a translator's tool opens: XLIFF 2.0 or 1.2, or gettext PO. */
export function exchangeFile(
  exchange: Exchange & { statuses?: Map<string, FieldState> },
  format: ExchangeFormat,
  version: XliffVersion = '2.0',
) {
  if (format === 'po')
    return { text: buildPo(exchange), type: 'text/x-gettext-translation; charset=utf-8', extension: 'po' }
  return {
    text: version === '1.2' ? buildXliff12(exchange) : buildXliff(exchange),
    type: 'application/xliff+xml; charset=utf-8',
    extension: 'xlf',
  }
}
