/**
 * Markup that is safe to put in a page. Only `html` (which escapes every value it is given)
 * and `trustedHtml` (for this lib's own constants) make it, so a string from a report (a
 * target name, a test name, an assertion message: hostile input) can only reach the page
 * escaped.
 */
export class Html {
  readonly #text: string;
  constructor(text: string, key: typeof trusted) {
    if (key !== trusted) throw new TypeError('Html is made by html`...` or trustedHtml()');
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

const trusted: unique symbol = Symbol('trusted markup');

/** What a template may interpolate: markup, text (escaped), numbers, nothing, or lists of them. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

/** A template whose literal parts are markup and whose values are escaped (lists joined). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let text = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) text += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(text, trusted);
}

/** Markup written in this lib (the style sheet): never pass it text from a report. */
export function trustedHtml(markup: string): Html {
  return new Html(markup, trusted);
}

function render(value: HtmlValue | undefined): string {
  if (value instanceof Html) return value.toString();
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(render).join('');
  return '';
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in an element and in a quoted attribute, of HTML and of inline SVG alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
