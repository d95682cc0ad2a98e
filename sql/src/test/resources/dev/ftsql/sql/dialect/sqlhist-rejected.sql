-- Every query libtracefs did not accept (error, crash or hang) from /work/shared/reference/sqlhist-cases.md
-- (libtracefs HEAD 78d8d2e). Format: a "-- ID: note" line, then the query on one line.

-- D01: [error] libtracefs-sql.txt (1st example, verbatim incl. typo sys_exit_write)
SELECT syscalls.sys_enter_read.fd, syscalls.sys_exit_read.ret FROM syscalls.sys_enter_read JOIN syscalls.sys_exit_read ON syscalls.sys_enter_read.common_pid = syscalls.sys_exit_write.common_pid

-- D02: [error] libtracefs-sql.txt (system-less form, verbatim incl. typo)
SELECT sys_enter_read.fd, sys_exit_read.ret FROM sys_enter_read JOIN sys_exit_read ON sys_enter_read.common_pid = sys_exit_write.common_pid

-- D05: [error] libtracefs-sql.txt (field calculation, verbatim)
select start.truesize, end.len, (start.truesize - end.len) as diff from napi_gro_receive_entry as start JOIN netif_receive_skb as end ON start.skbaddr = end.skbaddr

-- D10: [error] libtracefs-sql.txt ("the below is not" valid; also the CREATE A TOOL run example)
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid WHERE start.prio < 100 || end.prev_prio < 100

-- D12: [error] libtracefs-sql.txt KEYWORDS AS EVENT FIELDS (fails by design)
select from from regcache_drop_region

-- G07: [error] commit 0fbcc21 message, verbatim (typo 'stop')
SELECT (end.common_timestamp.usecs - start.common_timestamp.usecs) AS lat FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = stop.next_pid

-- G12: [error] commit 7b0c1dd message (OR across events)
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE sched_switch.next_pid == 0 || sched_waking.pid == 0

-- P04: [error] probe: BUCKETS=N
SELECT CAST(bytes_req AS BUCKETS=100) FROM kmalloc

-- P05: [error] probe: BUCKETS without =N
SELECT CAST(bytes_req AS BUCKETS) FROM kmalloc

-- P06: [SEGFAULT] probe: _COUNTER_ as first selection
SELECT CAST(bytes_req AS _COUNTER_), common_pid FROM kmalloc

-- P07: [error] probe: only counters
SELECT CAST(bytes_req AS _COUNTER_) FROM kmalloc

-- P08: [error] probe: EXECNAME on non common_pid
SELECT CAST(bytes_req AS EXECNAME) FROM kmalloc

-- P09: [error] probe: cast of a string
SELECT CAST(next_comm AS HEX) FROM sched_switch

-- P10: [error] probe: unknown cast
SELECT CAST(bytes_req AS FOO) FROM kmalloc

-- P11: [error] probe: counter on string
SELECT CAST(next_comm AS _COUNTER_), next_pid FROM sched_switch

-- P14: [error] probe: single-quoted string
SELECT next_comm FROM sched_switch WHERE next_comm = 'bash'

-- P17: [error] probe: negative literal
SELECT next_pid FROM sched_switch WHERE prev_prio < -1

-- P18: [error] probe: AND keyword
SELECT next_pid FROM sched_switch WHERE prev_prio < 1 AND next_prio < 2

-- P22: [error] probe: SELECT *
SELECT * FROM sched_switch

-- P23: [error] probe: aggregate
SELECT count(next_pid) FROM sched_switch

-- P24: [error] probe: GROUP BY
SELECT next_pid FROM sched_switch GROUP BY next_pid

-- P25: [error] probe: ORDER BY
SELECT next_pid FROM sched_switch ORDER BY next_pid

-- P26: [error] probe: LIMIT
SELECT next_pid FROM sched_switch LIMIT 10

-- P29: [error] probe: arithmetic without JOIN
SELECT (next_pid - prev_pid) AS d FROM sched_switch

-- P31: [error] probe: unqualified STACKTRACE
SELECT STACKTRACE FROM sched_switch

-- P32: [error] probe: CPU
SELECT CPU FROM sched_switch

-- P34: [error] probe: unqualified COMM
SELECT COMM FROM sched_switch

-- P35: [error] probe: unqualified COMM in WHERE
SELECT next_pid FROM sched_switch WHERE COMM == "bash"

-- P39: [error] probe: unknown field
SELECT foo FROM sched_switch

-- P40: [error] probe: unknown event
SELECT next_pid FROM no_such_event

-- P41: [error] probe: unknown field in WHERE
SELECT next_pid FROM sched_switch WHERE nofield == 1

-- P42: [error] probe: string field with <
SELECT next_pid FROM sched_switch WHERE next_comm > 1

-- N01: [error] probe: nested parens without !
SELECT next_pid FROM sched_switch WHERE (prev_pid == 1 && (next_pid == 2 || next_pid == 3))

-- N03: [error] probe: trailing semicolon
SELECT next_pid FROM sched_switch;

-- J01: [error] probe: two JOINs
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid JOIN sched_wakeup AS w ON w.pid = start.pid

-- J02: [error] probe: && in ON
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid && start.prio = end.next_prio

-- J04: [error] probe: unlabeled calculation
SELECT (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J06: [error] probe: 3-operand arithmetic
SELECT (end.TIMESTAMP - start.TIMESTAMP - start.prio) AS s FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J07: [error] probe: arithmetic on strings
SELECT (end.next_comm - start.comm) AS s FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J08: [error] probe: incompatible match types
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.prev_state

-- J09: [error] probe: unsigned long vs pointer match
SELECT start.bytes_req FROM kmalloc AS start JOIN kfree AS end ON start.call_site = end.ptr

-- J13: [error] probe: COMM as synthetic field
SELECT start.COMM AS c FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J14: [error] probe: COMM with ~
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE start.COMM == "bash" && end.COMM ~ "cycl*"

-- J17: [error] probe: unqualified field in join
SELECT pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J18: [HANG (killed after 5 s)] probe: same field selected twice (hangs)
SELECT next_pid, next_pid FROM sched_switch

-- L02: [error] probe: TIMESTAMP_DELTA without JOIN
SELECT TIMESTAMP_DELTA AS d FROM sched_switch

-- L04: [HANG (killed after 5 s)] probe: same start field twice with different labels (hangs)
SELECT start.pid AS a, start.pid AS b FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- L06: [error] probe: field-to-field compare in WHERE
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE start.pid == end.next_pid

-- L10: [error] probe: compare of different sizes
SELECT (end.TIMESTAMP - start.prio) AS d FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- L11: [error] probe: start.x - end.y where fields differ
SELECT (start.prio - end.next_prio) AS d FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- K02: [error] probe: qualified COMM as hist key
SELECT sched_switch.COMM FROM sched_switch

-- K04: [error] probe: qualified CPU
SELECT sched_switch.CPU FROM sched_switch

-- K05: [error] probe: CPU in join
SELECT start.CPU AS c FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- L03: [error] probe: unqualified TIMESTAMP in hist-only
SELECT TIMESTAMP FROM sched_switch

-- P43: [error] probe: ~ on a numeric field
SELECT next_pid FROM sched_switch WHERE next_pid ~ "x*"

-- P45: [error] probe: WHERE on another event without JOIN
SELECT next_pid FROM sched_switch WHERE sched_waking.pid == 1

-- S02: [error] probe: non-adjacent duplicate selection
SELECT next_pid, prev_pid, next_pid FROM sched_switch

-- S03: [error] probe: lowercase special name
SELECT (end.timestamp - start.timestamp) AS d FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- S04: [error] probe: _counter_ lowercase
SELECT common_pid, CAST(bytes_req AS _counter_) FROM kmalloc
