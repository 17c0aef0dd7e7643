import type { Metadata } from "next";
import { ChangePasswordForm, ProfileNameForm } from "@/components/account/profile-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  return (
    <>
      <PageHeader title="Profile" description={`Signed in as ${user.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileNameForm name={user.name} />
        <ChangePasswordForm />
      </div>
    </>
  );
}
