// "Assigned to you" on the dashboard and the Exams page: what the student's
// instructors assigned that needs them now, or nothing at all when they are in
// no class. Server component.
import { Card } from "@/components/ui/card";
import type { AssignedToStudent } from "@/lib/classes/student-assignments";
import { AssignedList } from "./assigned-list";

export function AssignedCard({ items, now, timeZone, className }: { items: AssignedToStudent[]; now: Date; timeZone: string; className?: string }) {
  if (items.length === 0) return null;
  return (
    <Card className={className} aria-labelledby="assigned-heading">
      <h2 id="assigned-heading" className="text-lg font-semibold">
        Assigned to you
      </h2>
      <AssignedList items={items} now={now} timeZone={timeZone} />
    </Card>
  );
}
