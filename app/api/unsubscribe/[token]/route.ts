import { type NextRequest, NextResponse } from "next/server";
import { addUnsubscribe } from "@/db/queries/unsubscribes";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { appUrl } from "@/lib/env";

// The address in the List-Unsubscribe header of the emails sent after an event. Public: the signed
// token is the whole authorization (lib/email/unsubscribe.ts).

type Context = { params: Promise<{ token: string }> };

const text = (body: string, status: number) =>
  new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * One-click unsubscribe (RFC 8058): the mail client posts `List-Unsubscribe=One-Click` here, without
 * cookies or a page in between. Only that body counts, so that no other post unsubscribes by chance.
 */
export async function POST(request: NextRequest, { params }: Context): Promise<Response> {
  const address = verifyUnsubscribeToken((await params).token);
  if (!address) return text("This unsubscribe link is not valid.", 404);
  const body = (await request.text().catch(() => "")).slice(0, 1000);
  if (new URLSearchParams(body).get("List-Unsubscribe") !== "One-Click") {
    return text("A one-click unsubscribe posts List-Unsubscribe=One-Click.", 400);
  }
  await addUnsubscribe(address);
  return text("Unsubscribed: no more emails after events will go to this address.", 200);
}

/** A client that opens the header's address in a browser gets the page that asks first. */
export async function GET(_request: NextRequest, { params }: Context): Promise<Response> {
  const { token } = await params;
  if (!verifyUnsubscribeToken(token)) return text("This unsubscribe link is not valid.", 404);
  // From the configured origin, never from the request's Host.
  return NextResponse.redirect(`${appUrl()}/unsubscribe/${token}`, 303);
}
