/** The file URL of one of this package's plain-JS task fixtures. */
export const fixture = (file: string): string => new URL(`./fixtures/${file}`, import.meta.url).href;
