-- Syscall counts by process and syscall, most frequent first.
--
-- Replaces: bpftrace/BCC syscount -P, strace -c -f (without stopping the process).
-- Question: which processes make which syscalls, and how often?
-- Reading: one row per process (name [pid]) and syscall name; the count is how many times it
--   was entered. Compare two runs to see what a change did.
-- Needs: raw_syscalls/sys_enter (CONFIG_FTRACE_SYSCALLS); no synthetic events; works on 6.1 and
--   6.12.
SELECT execname(common_pid) AS process, syscall_name(id) AS syscall, COUNT(*) AS calls
FROM raw_syscalls.sys_enter
GROUP BY common_pid, id
ORDER BY calls DESC
LIMIT 30
