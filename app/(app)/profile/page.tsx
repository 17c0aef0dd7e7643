import type { Metadata } from "next";
import { ChangePasswordForm, ProfileNameForm } from "@/components/account/profile-forms";
import { StudySettingsForm } from "@/components/account/study-settings-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { isSupportedTimeZone, supportedTimeZones } from "@/lib/learning/study-day";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Profile" };

const CONFIRMATIONS: Record<string, string> = {
  name: "Your name has been saved.",
  password: "Your password has been changed. Other devices have been signed out.",
  study: "Your study settings have been saved.",
};

export default async function ProfilePage({ searchParams }: PageProps<"/profile">) {
  const user = await requireUser("/profile");
  const updated = (await searchParams).updated;
  const confirmation = typeof updated === "string" ? CONFIRMATIONS[updated] : undefined;
  const browser = await browserTimeZone();
  const settings = await loadStudySettings(db, { userId: user.id, browser });
  return (
    <>
      <PageHeader
        title="Profile"
        description={`Signed in as ${user.email}`}
        actions={<ButtonLink href="/reports" variant="secondary">My question reports</ButtonLink>}
      />
      {confirmation && (
        <Alert tone="success" className="mb-6">
          {confirmation}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileNameForm name={user.name} />
        <ChangePasswordForm />
        <StudySettingsForm
          timeZone={settings.timeZone}
          newCardsPerDay={settings.newCardsPerDay}
          timeZones={supportedTimeZones()}
          browserZone={browser.zone && isSupportedTimeZone(browser.zone) ? browser.zone : null}
        />
      </div>
    </>
  );
}
