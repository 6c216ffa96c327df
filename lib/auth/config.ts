import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { getClient } from "@/db";
import { endSessionVersion, getActiveUserByEmail, getUserById, recordSignIn } from "@/db/queries/users";
import { hitRateLimits, refundRateLimits } from "@/db/queries/rate-limits";
import { accounts, type Role, sessions, users, verificationTokens } from "@/db/schema";
import { appUrl, authSecret, env } from "@/lib/env";
import { clientRateLimitKey } from "@/lib/request-info";
import { passwordSignInSchema, safeRedirectUrl } from "@/lib/validations/auth";
import { burnPasswordCheck, verifyPassword } from "./password";
import { passwordSignInLimits } from "./sign-in-limits";

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_HOURS = 12;

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

// The configuration is built per request, so nothing (the database, the secret) is touched at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // The route handler gives Auth.js every request at the configured origin (lib/auth/public-url.ts) and
  // production cannot start without AUTH_URL, so the Host header decides nothing here.
  trustHost: true,
  adapter: DrizzleAdapter(getClient().db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // Credentials need JWT sessions; the token carries only the user id and a session version that
  // each request checks against the database (see lib/auth/index.ts).
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = passwordSignInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        // Counted before the check, so attempts sent at once cannot all pass; a success is handed back.
        const limits = passwordSignInLimits(email, clientRateLimitKey(request.headers));
        const now = new Date();
        if (!(await hitRateLimits(limits, now))) throw new RateLimitedSignIn();
        const user = await getActiveUserByEmail(email);
        if (!user?.passwordHash || user.role === "panelist") {
          await burnPasswordCheck(password);
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, password))) return null;
        await refundRateLimits(limits, now);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    Nodemailer({
      id: "nodemailer",
      // Delivery goes through the outbox; the provider insists on a server setting all the same.
      server: env().SMTP_URL ?? "smtp://localhost:25",
      from: env().EMAIL_FROM,
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      // Links are issued only by lib/auth/sign-in-request.ts, which applies the limits and builds the
      // link from the configured origin; the route handler answers this provider's sign-in endpoint
      // with it. The provider itself only checks the links when they are followed.
      sendVerificationRequest: async () => {
        throw new Error("Sign-in links are sent by requestSignInLinkFor, not by the provider.");
      },
    }),
  ],
  logger: {
    // A wrong password is an expected outcome, answered on the form; it is not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    async signIn({ user, email }) {
      // Asking for a link is answered alike for every address (the provider sends nothing itself).
      if (email?.verificationRequest) return true;
      // Only existing, enabled accounts sign in: nobody signs up by following a link.
      return Boolean(user.email && (await getActiveUserByEmail(user.email)));
    },
    // Only paths on this site, resolved against the configured origin (never the request's Host).
    redirect({ url }) {
      return safeRedirectUrl(url, appUrl());
    },
    async jwt({ token, user }) {
      if (user?.id) {
        const account = await getUserById(user.id);
        token.sub = user.id;
        token.sv = account?.sessionVersion ?? 0;
        token.role = account?.role;
      }
      return token;
    },
    // The role here is the one held at sign-in, for display; authorization reads the account afresh on
    // every request (lib/auth/index.ts), so a changed role or a disabled account counts at once.
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
  events: {
    async signIn({ user }) {
      if (user.id) await recordSignIn(user.id);
    },
    // Whichever way sign-out comes (the header's button or Auth.js's endpoint), the session's version
    // moves on, so a copy of its cookie is refused afterwards (getCurrentUser compares versions).
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && typeof token.sv === "number") await endSessionVersion(token.sub, token.sv);
    },
  },
}));

declare module "next-auth" {
  interface Session {
    sessionVersion: number;
    user: { id: string; role?: Role } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The account's session version at sign-in; named so in cookies already issued, which a new name would sign out. */
    sv?: number;
    role?: Role;
  }
}
