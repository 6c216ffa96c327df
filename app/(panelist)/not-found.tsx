import { NotFoundContent } from "@/components/not-found-content";
import { notFoundProps } from "@/lib/i18n/not-found";

export default async function NotFound() {
  return <NotFoundContent {...await notFoundProps()} />;
}
