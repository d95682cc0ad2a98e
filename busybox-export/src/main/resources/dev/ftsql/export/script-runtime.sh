# ---------------------------------------------------------------------------------------------
# The same for every plan: finding tracefs, checking, applying, removing and reading.
# Only POSIX sh and BusyBox applets (awk, grep, tail, cat, mount).

ROOT=${INSTANCE:+instances/$INSTANCE/}
T=

say() { printf '%s: %s\n' "$PLAN" "$*"; }
steps() { if [ "$1" = 1 ]; then echo "1 step"; else echo "$1 steps"; fi; }
warn() { printf '%s: %s\n' "$PLAN" "$*" >&2; }
die() {
    warn "$*"
    exit 1
}

# Sets T to the tracefs mount: /sys/kernel/tracing, else /sys/kernel/debug/tracing, else the
# tracefs line of /proc/mounts; only $FTSQL_TRACEFS when that is set. Returns 1 when there is none.
find_tracefs() {
    if [ -n "${FTSQL_TRACEFS:-}" ]; then
        [ -f "$FTSQL_TRACEFS/README" ] || return 1
        T=$FTSQL_TRACEFS
        return 0
    fi
    for t_dir in /sys/kernel/tracing /sys/kernel/debug/tracing \
        "$(awk '$3 == "tracefs" { print $2; exit }' /proc/mounts 2>/dev/null)"; do
        if [ -n "$t_dir" ] && [ -f "$t_dir/README" ]; then
            T=$t_dir
            return 0
        fi
    done
    return 1
}

# The awk program behind present, show and status. FTSQL_WANT is a hist trigger as written; a
# line of a trigger file, or a histogram's "# trigger info:", is that trigger when it defines the
# same first variable (variable names carry the plan's name), or, for a trigger without
# variables, when keys, values, sort keys, actions and filter are the same once the kernel's
# additions (vals=hitcount, the default sort and size, clock=, [active]) are taken away. That is
# how the kernel itself tells triggers apart: it refuses to add a second one.
# FTSQL_MODE: trigger (exit 0 if a line of the file is it), show (print its histogram),
# totals (print the Hits, Entries and Dropped of its histogram).
MATCH_AWK='
function body(t,    i) {
    sub(/ \[(active|paused)\]$/, "", t)
    i = index(t, " if ")
    FILTER = i ? substr(t, i + 4) : ""
    if (i) t = substr(t, 1, i - 1)
    gsub(/^[ \t]+|[ \t]+$/, "", FILTER)
    sub(/^hist:/, "", t)
    return t
}
function flag(p) {
    return p == "pause" || p == "paused" || p == "cont" || p == "continue" || p == "clear"
}
function attr(p) {
    return p ~ /^(keys?|vals?|values|sort|size|name|clock)=/ || p ~ /^on[a-z]+\(/ || flag(p)
}
function vars(t,    n, i, m, j, e, r) {
    n = split(body(t), VP, ":")
    r = " "
    for (i = 1; i <= n; i++) {
        if (attr(VP[i])) continue
        m = split(VP[i], VQ, ",")
        for (j = 1; j <= m; j++) {
            e = index(VQ[j], "=")
            if (e > 1) r = r substr(VQ[j], 1, e - 1) " "
        }
    }
    return r
}
function keylist(s,    n, i, r) {
    n = split(s, KL, ",")
    r = ""
    for (i = 1; i <= n; i++) {
        if (KL[i] == "stacktrace" || KL[i] == "STACKTRACE") KL[i] = "common_stacktrace"
        r = r (i > 1 ? "," : "") KL[i]
    }
    return r
}
function sortlist(s,    n, i, r, d, x) {
    if (s == "") s = "hitcount"
    n = split(s, SL, ",")
    r = ""
    for (i = 1; i <= n; i++) {
        x = SL[i]
        d = x ~ /\.descending$/ ? ".descending" : ""
        sub(/\..*/, "", x)
        r = r (i > 1 ? "," : "") x d
    }
    return r
}
function canon(t,    n, i, e, nm, v, k, vals, s, name, no, j, x, r) {
    n = split(body(t), CP, ":")
    k = vals = s = name = ""
    no = 0
    for (i = 1; i <= n; i++) {
        e = index(CP[i], "=")
        nm = e ? substr(CP[i], 1, e - 1) : CP[i]
        v = e ? substr(CP[i], e + 1) : ""
        if (nm == "keys" || nm == "key") k = v
        else if (nm == "vals" || nm == "val" || nm == "values") vals = v
        else if (nm == "sort") s = v
        else if (nm == "name") name = v
        else if (nm != "size" && nm != "clock" && !flag(CP[i])) CO[++no] = CP[i]
    }
    if (vals == "") vals = "hitcount"
    else if (vals != "hitcount" && substr(vals, 1, 9) != "hitcount,") vals = "hitcount," vals
    for (i = 2; i <= no; i++) {
        x = CO[i]
        for (j = i - 1; j >= 1 && CO[j] > x; j--) CO[j + 1] = CO[j]
        CO[j + 1] = x
    }
    r = "keys=" keylist(k) ":vals=" vals ":sort=" sortlist(s) ":name=" name
    for (i = 1; i <= no; i++) r = r ":" CO[i]
    return r " if " FILTER
}
function is_it(t) {
    return FIRST != "" ? index(vars(t), " " FIRST " ") > 0 : canon(t) == WANT
}
BEGIN {
    MODE = ENVIRON["FTSQL_MODE"]
    split(vars(ENVIRON["FTSQL_WANT"]), WV, " ")
    FIRST = WV[1] ""
    WANT = canon(ENVIRON["FTSQL_WANT"])
}
MODE == "trigger" {
    if (substr($0, 1, 1) != "#" && is_it($0)) { found = 1; exit }
    next
}
$0 == "# event histogram" { head = $0 "\n"; inhead = 1; on = 0; totals = 0; next }
inhead {
    if (substr($0, 1, 16) != "# trigger info: ") { head = head $0 "\n"; next }
    inhead = 0
    on = is_it(substr($0, 17))
    if (on) found = 1
    if (on && MODE == "show") printf "%s%s\n", head, $0
    next
}
!on { next }
MODE == "show" { print; next }
$0 == "Totals:" { totals = 1; next }
totals && ($1 == "Hits:" || $1 == "Entries:" || $1 == "Dropped:") { print "  " $1 " " $2 }
END { exit !found }
'

# present FILE LINE: whether the effect of a step is in tracefs now. FILE is relative to the
# tracefs root; LINE is the step's line (for synthetic_events its first word, the event name,
# is enough).
present() {
    [ -f "$T/$1" ] || return 1
    case $1 in
        synthetic_events)
            FTSQL_NAME=${2%% *} awk '$1 == ENVIRON["FTSQL_NAME"] { found = 1; exit }
                END { exit !found }' "$T/$1" ;;
        *) FTSQL_MODE=trigger FTSQL_WANT=$2 awk "$MATCH_AWK" "$T/$1" ;;
    esac
}

# write I FILE LINE: append LINE to FILE in one write; on failure say why, with the new entry
# of the error_log.
write() {
    w_log=$T/${ROOT}error_log
    case $2 in synthetic_events) w_log=$T/error_log ;; esac
    w_before=$(cat "$w_log" 2>/dev/null)
    if w_err=$({ printf '%s\n' "$3" >>"$T/$2"; } 2>&1); then
        return 0
    fi
    warn "step $1 failed: ${w_err:-the kernel refused the line}"
    warn "  file: $T/$2"
    warn "  line: $3"
    if [ -f "$w_log" ] && [ "$(cat "$w_log" 2>/dev/null)" != "$w_before" ]; then
        warn "  $w_log says:"
        tail -n 3 "$w_log" | sed 's/^/    /' >&2
    fi
    return 1
}

# step I FILE LINE: plan_up calls it for every step, in order; what it does depends on MODE.
step() {
    case $MODE in
        check)
            case $2 in
                synthetic_events)
                    [ -f "$T/synthetic_events" ] \
                        || MISSING="$MISSING
  $T/synthetic_events (a kernel without synthetic events, CONFIG_SYNTH_EVENTS)"
                    CREATES="$CREATES ${3%% *} " ;;
                *)
                    s_dir=${2%/*}
                    s_event=${s_dir#"${ROOT}"events/}
                    case $s_event in
                        synthetic/*)
                            case $CREATES in *" ${s_event#synthetic/} "*) return 0 ;; esac ;;
                    esac
                    [ -d "$T/$s_dir" ] || MISSING="$MISSING
  event $s_event (no $T/$s_dir)" ;;
            esac ;;
        up)
            [ -z "$FAILED" ] || return 0
            if write "$1" "$2" "$3"; then APPLIED=$1; else FAILED=$1; fi ;;
        get)
            [ "$1" != "$GET" ] || { GOT_FILE=$2 GOT_LINE=$3; } ;;
    esac
}

# undo I FILE UNDO_LINE: plan_down calls it for every step, in reverse order.
undo() {
    case $MODE in
        count)
            if present "$2" "${3#!}"; then
                PRESENT=$((PRESENT + 1))
                PRESENT_STEPS="$1${PRESENT_STEPS:+ $PRESENT_STEPS}"
            fi ;;
        down)
            if present "$2" "${3#!}"; then
                if write "$1" "$2" "$3"; then REMOVED=$((REMOVED + 1)); else UNDO_FAILED=1; fi
            fi ;;
        rollback)
            if [ "$1" -le "$APPLIED" ]; then
                write "$1" "$2" "$3" || UNDO_FAILED=1
            fi ;;
    esac
}

count_present() {
    MODE=count PRESENT=0 PRESENT_STEPS=
    plan_down
}

# The clock of the plan's trace instance, e.g. local.
trace_clock() {
    sed -n 's/.*\[\(.*\)\].*/\1/p' "$T/${ROOT}trace_clock" 2>/dev/null
}

rollback() {
    MODE=rollback UNDO_FAILED=
    plan_down
    # A trigger with timestamps switches the instance's clock (to global); nothing of the plan
    # is left to need it, so the clock goes back too.
    if [ -n "$CLOCK" ] && [ "$(trace_clock)" != "$CLOCK" ]; then
        echo "$CLOCK" >"$T/${ROOT}trace_clock" 2>/dev/null || UNDO_FAILED=1
    fi
    [ "$FAILED" != interrupted ] || warn "interrupted"
    if [ -n "$UNDO_FAILED" ]; then
        warn "could not remove all of the $(steps "$APPLIED") it had applied; 'sh $0 status' shows what is left"
    else
        warn "removed the $(steps "$APPLIED") it had applied: tracefs is as it was"
    fi
}

do_up() {
    if ! find_tracefs; then
        [ -z "${FTSQL_TRACEFS:-}" ] || die "FTSQL_TRACEFS=$FTSQL_TRACEFS is not a tracefs (no README)"
        mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
        find_tracefs || die "no tracefs: it is not mounted, and mounting it on /sys/kernel/tracing failed (is this root? CONFIG_TRACING?)"
        say "mounted tracefs on $T"
    fi
    [ -r "$T/README" ] || die "cannot read $T/README: run this as root"
    grep -q -e 'hist trigger' -e 'keys=' "$T/README" \
        || die "this kernel has no hist triggers ($T/README does not list them: CONFIG_HIST_TRIGGERS)"
    if [ -n "$INSTANCE" ] && [ ! -d "$T/instances/$INSTANCE" ]; then
        die "there is no tracing instance $INSTANCE; create it first: mkdir $T/instances/$INSTANCE"
    fi
    count_present
    if [ "$PRESENT" -eq "$NSTEPS" ]; then
        die "already up in $T; nothing changed ('sh $0 down' removes it)"
    elif [ "$PRESENT" -gt 0 ]; then
        die "partly up: steps $PRESENT_STEPS of $NSTEPS are in $T; nothing changed ('sh $0 down' removes them)"
    fi
    MODE=check MISSING= CREATES=
    plan_up
    [ -z "$MISSING" ] || die "this kernel lacks what the plan needs; nothing changed:$MISSING"
    CLOCK=$(trace_clock)
    MODE=up APPLIED=0 FAILED=
    trap 'FAILED=interrupted' INT TERM HUP
    plan_up
    trap - INT TERM HUP
    if [ -n "$FAILED" ]; then
        rollback
        exit 1
    fi
    say "up: $(steps "$NSTEPS") applied in $T; 'sh $0 show' prints the histogram, 'sh $0 down' removes it"
    u_clock=$(trace_clock)
    if [ -n "$CLOCK" ] && [ "$u_clock" != "$CLOCK" ]; then
        say "note: for the plan's timestamps the kernel switched the trace clock from $CLOCK to $u_clock;"
        say "  down leaves it so, as other histograms may need it. To put it back after down:"
        say "  echo $CLOCK > $T/${ROOT}trace_clock"
    fi
}

do_down() {
    if ! find_tracefs; then
        say "down: tracefs is not mounted, so none of it is there"
        return 0
    fi
    count_present
    if [ "$PRESENT" -eq 0 ]; then
        say "down: none of it is in $T"
        return 0
    fi
    MODE=down REMOVED=0 UNDO_FAILED=
    plan_down
    count_present
    [ "$PRESENT" -eq 0 ] || die "steps $PRESENT_STEPS are still in $T (see above)"
    say "down: removed $(steps "$REMOVED") from $T"
}

# Sets HIST to the result histogram's file and RESULT to its trigger.
result() {
    MODE=get GET=$RESULT_STEP GOT_FILE= GOT_LINE=
    plan_up
    HIST=$T/${GOT_FILE%/trigger}/hist RESULT=$GOT_LINE
}

do_show() {
    find_tracefs || die "not up: tracefs is not mounted"
    result
    [ -f "$HIST" ] || die "not up: there is no $HIST"
    FTSQL_MODE=show FTSQL_WANT=$RESULT awk "$MATCH_AWK" "$HIST"
    s_rc=$?
    # Above 128: a signal, such as SIGPIPE from "| head".
    [ "$s_rc" -eq 0 ] || [ "$s_rc" -gt 128 ] || die "not up: its histogram is not in $HIST"
    return "$s_rc"
}

# Exit status: 0 up, 3 down, 4 partial.
do_status() {
    if ! find_tracefs; then
        say "down (tracefs is not mounted)"
        exit 3
    fi
    count_present
    if [ "$PRESENT" -eq 0 ]; then
        say "down (nothing of it is in $T)"
        exit 3
    elif [ "$PRESENT" -lt "$NSTEPS" ]; then
        say "partial: steps $PRESENT_STEPS of $NSTEPS are in $T ('sh $0 down' removes them)"
        exit 4
    fi
    result
    say "up ($(steps "$NSTEPS") in $T); $HIST:"
    FTSQL_MODE=totals FTSQL_WANT=$RESULT awk "$MATCH_AWK" "$HIST" \
        || say "  (no histogram in $HIST)"
}

usage() {
    cat <<EOF
usage: sh $0 up|down|show|status
  up      apply the plan (refuses when any part of it is already there)
  show    print its histogram
  status  up, down or partial, with the histogram's totals (exit 0, 3, 4)
  down    remove it in reverse order (safe to repeat; touches nothing else)
EOF
}

case ${1:-} in
    up) do_up ;;
    down) do_down ;;
    show) do_show ;;
    status) do_status ;;
    -h | --help | help) usage ;;
    *)
        usage >&2
        exit 2 ;;
esac
