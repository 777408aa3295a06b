// The `xliff` npm library ships no types; these are the four calls the round-trip tests make.
declare module 'xliff' {
  type Resources = {
    resources: Record<string, Record<string, { source: unknown; target?: unknown; [key: string]: unknown }>>
    sourceLanguage?: string
    targetLanguage?: string
  }
  const xliff: {
    xliff2js(xml: string): Promise<Resources>
    js2xliff(js: Resources): Promise<string>
    xliff12ToJs(xml: string): Promise<Resources>
    jsToXliff12(js: Resources): Promise<string>
  }
  export default xliff
}
