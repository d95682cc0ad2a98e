-- Every query libtracefs accepted (Result: ok) from /work/shared/reference/sqlhist-cases.md
-- (libtracefs HEAD 78d8d2e). Format: a "-- ID: note" line, then the query on one line.

-- D01b: libtracefs-sql.txt 1st example with typo fixed (doc states result 'u64 fd; s64 ret;')
SELECT syscalls.sys_enter_read.fd, syscalls.sys_exit_read.ret FROM syscalls.sys_enter_read JOIN syscalls.sys_exit_read ON syscalls.sys_enter_read.common_pid = syscalls.sys_exit_read.common_pid

-- D02b: libtracefs-sql.txt system-less form, typo fixed
SELECT sys_enter_read.fd, sys_exit_read.ret FROM sys_enter_read JOIN sys_exit_read ON sys_enter_read.common_pid = sys_exit_read.common_pid

-- D03: libtracefs-sql.txt (event aliases)
SELECT start.fd, end.ret FROM sys_enter_read AS start JOIN sys_exit_read AS end ON start.common_pid = end.common_pid

-- D04: libtracefs-sql.txt (field labels; doc states 'u64 filed; s64 return;')
SELECT start.fd AS filed, end.ret AS return FROM sys_enter_read AS start JOIN sys_exit_read AS end ON start.common_pid = end.common_pid

-- D05b: D05 with operands swapped (probe)
select start.truesize, end.len, (end.len - start.truesize) as diff from napi_gro_receive_entry as start JOIN netif_receive_skb as end ON start.skbaddr = end.skbaddr

-- D06: libtracefs-sql.txt (wakeup latency)
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid

-- D07: libtracefs-sql.txt (TIMESTAMP_DELTA_USECS)
select start.pid, TIMESTAMP_DELTA_USECS as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid

-- D07b: TIMESTAMP_DELTA (nsec) variant mentioned in libtracefs-sql.txt
select start.pid, TIMESTAMP_DELTA as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid

-- D08: libtracefs-sql.txt (WHERE on both events)
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid WHERE start.prio < 100 && (!(end.prev_pid < 1 || end.prev_prio > 100) || end.prev_pid == 0)

-- D09: libtracefs-sql.txt ("The above is valid")
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid WHERE start.prio < 100 && end.prev_prio < 100

-- D11: libtracefs-sql.txt (stacktrace)
select start.prev_pid as pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as delta, start.STACKTRACE as stack FROM sched_switch as start JOIN sched_switch as end ON start.prev_pid = end.next_pid WHERE start.prev_state == 2

-- D13: libtracefs-sql.txt KEYWORDS AS EVENT FIELDS (backslash escape)
select \from from regcache_drop_region

-- D14: libtracefs-sql.txt HISTOGRAMS (doc shows output)
select CAST(common_pid AS comm), CAST(id AS syscall) FROM sys_enter

-- D15: libtracefs-sql.txt HISTOGRAMS _COUNTER_ (doc shows output)
SELECT common_pid, CAST(bytes_req AS _COUNTER_) FROM kmalloc

-- D16: libtracefs-sqlhist.txt.1 EXAMPLES (doc shows output)
SELECT CAST(call_site as SYM-OFFSET), bytes_req, CAST(bytes_alloc AS _COUNTER_) FROM kmalloc

-- D17: libtracefs-sqlhist.txt.1 (sqlhist -n wakeup_lat -e -T -m lat ...)
SELECT end.next_comm AS comm, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS lat FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE end.next_prio < 100 && end.next_comm == "cyclictest"

-- G01: commit deb54b1 message (sqlhist -n blocked ...)
SELECT end.next_pid AS pid,end.next_comm AS comm,(end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS lat FROM sched_switch AS start JOIN sched_switch AS end ON start.prev_pid = end.next_pid WHERE start.prev_state = 2

-- G02: commit dde4869 message
select end.next_pid as pid, end.next_comm as comm, (end.TIMESTAMP - start.TIMESTAMP) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid

-- G03: commit f1cdbe9 message
select end.next_pid, (end.TIMESTAMP - start.TIMESTAMP) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid

-- G04: commit 0567e2d message: sqlhist -m delta (libtracefs sample: -m alone adds NO action)
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as delta from sched_waking as start join sched_switch as end on start.pid = end.next_pid

-- G04tc: commit 0567e2d, as trace-cmd sqlhist -m delta behaves (trace added by default)
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as delta from sched_waking as start join sched_switch as end on start.pid = end.next_pid

-- G05: commit 5a1a01e message (sqlhist -e -n block_lat ...)
SELECT (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS delta,start.STACKTRACE AS stack FROM sched_switch AS start JOIN sched_switch AS end ON end.next_pid = start.prev_pid WHERE start.prev_state == 1 && start.prev_prio < 100

-- G06: commit 2544640 message (first tracefs_sql example)
SELECT start.common_pid AS pid, end.common_timestamp.usecs AS usecs FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- G08: commit 0fbcc21 message, typo fixed
SELECT (end.common_timestamp.usecs - start.common_timestamp.usecs) AS lat FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- G09: commit 1064b76 message, typo fixed
SELECT (end.common_timestamp.usecs - start.common_timestamp.usecs) AS lat FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE start.prio < 100 && end.prev_prio < 100

-- G10: commit d6c9efc message (no CAST)
SELECT common_pid, id FROM sys_enter

-- G11: commit d6c9efc message (with CAST)
SELECT CAST(common_pid AS comm), CAST(id as syscall) FROM sys_enter

-- G13: commit 7554510 message (same event, filter on each side)
SELECT end.next_pid FROM sched_switch AS start JOIN sched_switch AS end ON start.prev_pid = end.next_pid WHERE start.prev_state = 2 && end.next_prio < 100

-- T01: trace-cmd utest TRACECMD_SQL_HIST (run with -e there)
SELECT irq FROM irq_handler_entry

-- T02: trace-cmd utest TRACECMD_SQL_SYNTH (-e -n wakeup)
SELECT start.pid AS this_pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS delta FROM sched_waking as start JOIN sched_switch AS end ON start.pid = end.next_pid

-- U1: utest SQL_1 (onmatch/trace)
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-max-trace: utest SQL_1, test_trace_sql_trace_onmax
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-chg-trace: utest SQL_1, test_trace_sql_trace_onchange
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-max-snap: utest SQL_1, test_trace_sql_snapshot_onmax
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-chg-snap: utest SQL_1, test_trace_sql_snapshot_onchange
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-max-save: utest SQL_1, test_trace_sql_save_onmax
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-chg-save: utest SQL_1, test_trace_sql_save_onchange
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-max-trace-snap: utest SQL_1, test_trace_sql_trace_snapshot_onmax
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U1-chg-trace-snap: utest SQL_1, test_trace_sql_trace_snapshot_onchange
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U2: utest SQL_2 (onmatch/trace)
select woke.next_pid as woke_pid, wake.common_pid as waking_pid from sched_waking as wake join sched_switch as woke on woke.next_pid = wake.pid

-- U2-max-trace: utest SQL_2, onmax(woke_pid).trace
select woke.next_pid as woke_pid, wake.common_pid as waking_pid from sched_waking as wake join sched_switch as woke on woke.next_pid = wake.pid

-- U3: utest SQL_3 (onmatch/trace)
select sched_switch.next_prio as prio, end.prev_prio as pprio, (sched.sched_waking.common_timestamp.usecs - end.TIMESTAMP_USECS) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid

-- U3-max-save: utest SQL_3, onmax(lat).save
select sched_switch.next_prio as prio, end.prev_prio as pprio, (sched.sched_waking.common_timestamp.usecs - end.TIMESTAMP_USECS) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid

-- U4: utest SQL_4 (onmatch/trace; SQL_6 is identical except name wakeup_lat_3)
select start.pid, end.next_prio as prio, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid where (start.prio >= 1 && start.prio < 100) || !(start.pid >= 0 && start.pid <= 1) && end.prev_pid != 0

-- U4-chg-trace-snap: utest SQL_4, onchange(lat).trace+snapshot
select start.pid, end.next_prio as prio, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid where (start.prio >= 1 && start.prio < 100) || !(start.pid >= 0 && start.pid <= 1) && end.prev_pid != 0

-- U5: utest SQL_5 (needs preemptirq events; onmatch/trace)
select end.common_pid as pid, (end.common_timestamp.usecs - start.common_timestamp.usecs) as irq_lat from irq_disable as start join irq_enable as end on start.common_pid = end.common_pid, start.parent_offs == end.parent_offs where start.common_pid != 0

-- U5-max-save: utest SQL_5, onmax(irq_lat).save(caller_offs)
select end.common_pid as pid, (end.common_timestamp.usecs - start.common_timestamp.usecs) as irq_lat from irq_disable as start join irq_enable as end on start.common_pid = end.common_pid, start.parent_offs == end.parent_offs where start.common_pid != 0

-- U1-oldfmt: utest SQL_1 on a kernel whose README lacks 'trace(<synthetic_event>,param list)'
select sched_switch.next_pid as woke_pid, sched_waking.common_pid as waking_pid from sched_waking join sched_switch on sched_switch.next_pid = sched_waking.pid

-- U4-oldfmt-max: utest SQL_4 + onmax trace, old kernel format
select start.pid, end.next_prio as prio, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start join sched_switch as end on start.pid = end.next_pid where (start.prio >= 1 && start.prio < 100) || !(start.pid >= 0 && start.pid <= 1) && end.prev_pid != 0

-- P01: probe
SELECT common_pid, CAST(bytes_req AS _COUNTER_) FROM kmalloc WHERE bytes_req > 1000 && common_pid != 0

-- P02: probe
SELECT common_pid, CAST(bytes_req AS __COUNTER__) FROM kmalloc WHERE (bytes_req > 1000 || bytes_alloc < 10) && !(common_pid == 0)

-- P03: probe
SELECT CAST(call_site AS HEX), CAST(ptr AS SYM), CAST(bytes_req AS LOG2), CAST(bytes_alloc AS log) FROM kmalloc

-- P12: probe: '~' glob + counter
SELECT next_comm, CAST(prev_state AS _COUNTER_) FROM sched_switch WHERE next_comm ~ "cycl*" && prev_prio < 100

-- P13: probe: string ==
SELECT next_comm FROM sched_switch WHERE next_comm == "bash"

-- P15: probe: bitwise &
SELECT next_pid FROM sched_switch WHERE prev_state & 2

-- P16: probe: hex/octal literals
SELECT next_pid FROM sched_switch WHERE prev_prio < 0x10 && next_prio < 010

-- P19: probe: comma as AND
SELECT next_pid FROM sched_switch WHERE prev_prio < 1, next_prio < 2

-- P20: probe: ! compare
SELECT next_pid FROM sched_switch WHERE !prev_prio < 1

-- P21: probe: precedence
SELECT next_pid FROM sched_switch WHERE prev_prio <= 1 || prev_prio >= 5 && next_pid != 0

-- P27: probe: alias in hist-only
SELECT next_pid FROM sched_switch AS s WHERE s.prev_prio < 100

-- P28: probe: system.event FROM
SELECT sched_switch.next_pid FROM sched.sched_switch

-- P30: probe: qualified STACKTRACE key
SELECT sched_switch.STACKTRACE FROM sched_switch

-- K03: probe: qualified COMM in WHERE
SELECT next_pid FROM sched_switch WHERE sched_switch.COMM == "bash"

-- P36: probe: qualified TIMESTAMP_USECS key
SELECT sched_switch.TIMESTAMP_USECS FROM sched_switch

-- P37: probe: mixed-case keywords
SeLeCt next_pid FrOm sched_switch wHeRe next_pid > 0

-- P38: probe: labels ignored in hist-only
SELECT next_pid AS pid, CAST(prev_pid AS _COUNTER_) AS pp FROM sched_switch

-- P44: probe: number field == string (not validated)
SELECT next_pid FROM sched_switch WHERE next_pid == "x"

-- K07: probe: EXECNAME + SYM-OFFSET
SELECT CAST(common_pid AS EXECNAME), CAST(call_site AS SYM-OFFSET) FROM kmalloc

-- K09: probe: SYSCALL + filter
SELECT CAST(id AS SYSCALL) AS sc FROM sys_enter WHERE id != 0

-- K14: probe: parenthesized single compare
SELECT next_pid FROM sched_switch WHERE (prev_pid == 1)

-- K15: probe: negated group
SELECT next_pid FROM sched_switch WHERE !(prev_pid == 1 || next_pid == 2)

-- K17: probe: malformed number '12ab'
SELECT next_pid FROM sched_switch WHERE prev_pid == 12ab

-- N02: probe: nested parens with !
SELECT next_pid FROM sched_switch WHERE (prev_pid == 1 && !(next_pid == 2 || next_pid == 3))

-- J03: probe: two match keys (comma in ON)
SELECT start.pid, start.prio, end.next_prio FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid, start.prio = end.next_prio

-- J05: probe: addition
SELECT (end.TIMESTAMP + start.TIMESTAMP) AS s FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J10: probe: same event, ON lists end field first (key-swap bug)
SELECT (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS d FROM sched_switch AS start JOIN sched_switch AS end ON end.next_pid = start.prev_pid

-- J10b: probe: same as J10 with ON start-first
SELECT (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS d FROM sched_switch AS start JOIN sched_switch AS end ON start.prev_pid = end.next_pid

-- J11: probe: a || b && c across events (entry repaired)
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE start.prio < 1 || start.prio > 100 && end.prev_prio < 100

-- K01: probe: COMM in join filter
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE start.COMM == "bash"

-- J15: probe: CAST ignored in join mode
SELECT CAST(start.pid AS HEX) AS p, CAST(start.prio AS _COUNTER_) AS pr FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J16: probe: duplicate labels (not detected)
SELECT start.pid AS x, end.next_prio AS x FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J19: probe: keyword labels via backslash, aliases without AS, ==
SELECT start.pid AS \from, end.next_prio AS \select FROM sched_waking start JOIN sched_switch end ON start.pid == end.next_pid

-- J20: probe: label beginning with __arg is used verbatim
SELECT end.next_pid AS __arg_mine FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J21: probe: commas in WHERE
SELECT start.pid, end.next_pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE end.next_comm == "cyclictest", start.prio < 100, end.prev_prio > 0

-- J22: probe: type inference char[16]/long/int
SELECT start.comm AS wcomm, end.prev_state AS st, start.target_cpu FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- J23: probe: __data_loc string field
SELECT start.name AS n, end.len FROM napi_gro_receive_entry AS start JOIN netif_receive_skb AS end ON start.skbaddr = end.skbaddr

-- J24: probe: bool/u16/u8/int types
SELECT start.vlan_tagged AS vt, start.queue_mapping AS qm, start.ip_summed AS ips, start.mac_header AS mh FROM napi_gro_receive_entry AS start JOIN netif_receive_skb AS end ON start.skbaddr = end.skbaddr

-- J25: probe: pointer match, unsigned long field
SELECT start.gfp_flags, start.bytes_req FROM kmalloc AS start JOIN kfree AS end ON start.ptr = end.ptr

-- J26: probe: static non-char array
SELECT start.args AS a FROM sys_enter AS start JOIN sys_exit AS end ON start.common_pid = end.common_pid

-- J27: probe: glob filter in join
SELECT start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) AS lat FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid WHERE start.comm ~ "*bash*"

-- L01: probe: TIMESTAMP_DELTA without aliases
SELECT TIMESTAMP_DELTA AS d FROM sched_waking JOIN sched_switch ON sched_waking.pid = sched_switch.next_pid

-- L05: probe: two timestamp deltas
SELECT (end.TIMESTAMP - start.TIMESTAMP) AS a, TIMESTAMP_DELTA_USECS AS b FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- L08: probe: ON end-first, different events (fine)
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON end.next_pid = start.pid

-- L09: probe: start - end (silently becomes end - start)
SELECT (start.TIMESTAMP - end.TIMESTAMP) AS d FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- L12: probe: unlabeled TIMESTAMP_USECS and STACKTRACE selections
SELECT end.TIMESTAMP_USECS, start.STACKTRACE FROM sched_waking AS start JOIN sched_switch AS end ON start.pid = end.next_pid

-- L13: probe: label inside ON leaks to selection
SELECT start.pid FROM sched_waking AS start JOIN sched_switch AS end ON start.pid AS p = end.next_pid

-- J28: probe: __data_loc filename passed to synthetic event
SELECT start.filename AS f, (end.TIMESTAMP - start.TIMESTAMP) AS d FROM sched_process_exec AS start JOIN sched_process_exit AS end ON start.pid = end.pid

-- K12: probe: aliases without AS
SELECT s.pid FROM sched_waking s JOIN sched_switch e ON s.pid = e.next_pid

-- K20: probe: same-event join, field named by event name goes to FROM
SELECT sched_switch.prev_pid FROM sched_switch AS start JOIN sched_switch AS end ON start.prev_pid = end.next_pid

-- S01: probe: OR across start/end not detected for same-event JOIN
SELECT end.next_pid FROM sched_switch AS start JOIN sched_switch AS end ON start.prev_pid = end.next_pid WHERE start.prev_state == 2 || end.next_prio < 100

-- X01: section 2k of sqlhist.md. `tracefs_synth_create()` then `tracefs_synth_destroy()` against a scratch
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid WHERE start.prio < 100 && end.prev_prio < 100

-- X02: code reading of `init_devent_desc()`, `tracefs_synth_echo_cmd()`, `tracefs_dynevent_create()` and
select start.pid, (end.TIMESTAMP_USECS - start.TIMESTAMP_USECS) as lat from sched_waking as start JOIN sched_switch as end ON start.pid = end.next_pid

-- X03: sqlhist `-B` option (libtracefs-sqlhist.txt.1, trace-cmd-sqlhist.1.txt)
SELECT common_pid, CAST(bytes_req AS _COUNTER_) FROM kmalloc
