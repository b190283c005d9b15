// One Intl.DateTimeFormat per locale and set of options, made on first use and kept. Making a
// formatter is the costly part (ICU builds its patterns each time); the home screen alone formats
// seven days for every habit, and a ten-year chart formats every axis label.

const made = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `locale` (the system's when undefined) and `options`, shared by every caller. */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}\u0000${JSON.stringify(options)}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    made.set(key, format);
  }
  return format;
}
