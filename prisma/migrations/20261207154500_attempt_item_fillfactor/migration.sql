-- Leave 30% of each AttemptItem page free, so that updating an item (a save,
-- a grade's correctness) can usually write the new row version on the same
-- page as a HOT update, which adds no index entries. With full pages, 88% of
-- the item updates in a submit storm were not HOT, each adding an entry to
-- every index of the table. Only pages written from now on keep the room.
-- docs/benchmarks.md has the measurements.
ALTER TABLE "AttemptItem" SET (fillfactor = 70);
