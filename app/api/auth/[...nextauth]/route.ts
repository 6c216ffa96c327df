import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { answerSignInLinkRequest, isSignInLinkRequest } from "@/lib/auth/link-endpoint";
import { withPublicUrl } from "@/lib/auth/public-url";

export const GET = (req: NextRequest) => handlers.GET(withPublicUrl(req));

export const POST = (req: NextRequest) => {
  const request = withPublicUrl(req);
  // Asking for a sign-in link follows the sign-in form's rules, whichever way it comes.
  if (isSignInLinkRequest(request)) return answerSignInLinkRequest(request);
  return handlers.POST(request);
};
