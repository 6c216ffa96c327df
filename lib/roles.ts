/** Who a user is to the application, in increasing rights (admin includes staff includes panelist). */
export const ROLES = ["panelist", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
