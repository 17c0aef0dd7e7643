import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { currentUser } from "@/lib/auth/guard";

// The shell for signed-in pages. Each page still calls requireUser/requireRole
// itself: a layout is not an authorisation boundary.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      {user && <AppHeader user={user} />}
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
