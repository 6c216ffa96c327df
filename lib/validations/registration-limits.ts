// The registration fields' lengths, apart from their schemas: the public form sets them as `maxLength`
// in the browser, and this file keeps zod out of that page's script.
export const NAME_MAX = 200;
export const ORGANIZATION_MAX = 200;
export const CATEGORY_MAX = 80;
export const EMAIL_MAX = 254;
