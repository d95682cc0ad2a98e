-- User-space page faults by process.
--
-- Replaces: bpftrace's software:page-faults:1 { @[comm] = count(); }, perf stat -e page-faults;
--   the first example of the LPC 2019 talk that started this (a histogram keyed on the
--   application).
-- Question: which applications fault pages in, and how often? Many faults at start-up are
--   normal; a steady stream in a long-running process means it keeps touching new memory (or
--   is being paged).
-- Reading: one row per process (name [pid]), most faults first.
-- Needs: exceptions/page_fault_user (x86 only); works on 6.1 and 6.12.
SELECT execname(common_pid) AS process, COUNT(*) AS faults
FROM exceptions.page_fault_user
GROUP BY common_pid
ORDER BY faults DESC
