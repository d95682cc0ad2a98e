/*
 * Where sqlhist's time goes: times (CLOCK_MONOTONIC and process CPU) the libtracefs calls the
 * sqlhist sample makes, using only libtracefs's public API (built against the system's
 * libtracefs-dev; run.sh compiles it under $BENCH_DIR).
 *   tep-load DIR QUERY
 * 1. tracefs_local_events(DIR): read + parse every events/<system>/<event>/format, plus
 *    /proc/kallsyms, DIR/saved_cmdlines and DIR/printk_formats (libtracefs's load_mappings()).
 * 2. the same restricted to one system (kmem): what reading one format would cost.
 * 3. tep_parse_kallsyms() of /proc/kallsyms alone.
 * 4. tracefs_sql() on the tep from 1.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <tracefs.h>
#include <event-parse.h>

static double now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define STEP(name, stmt) do { \
	double w = now_ms(CLOCK_MONOTONIC), c = now_ms(CLOCK_PROCESS_CPUTIME_ID); \
	stmt; \
	printf("%-52s %8.1f %8.1f\n", name, now_ms(CLOCK_MONOTONIC) - w, \
	       now_ms(CLOCK_PROCESS_CPUTIME_ID) - c); \
} while (0)

int main(int argc, char **argv)
{
	const char *kmem[] = { "kmem", NULL };
	struct tep_handle *tep = NULL, *one = NULL, *ks = NULL;
	struct tracefs_synth *synth = NULL;
	char *err = NULL, *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (argc < 3) {
		fprintf(stderr, "usage: %s DIR QUERY\n", argv[0]);
		return 2;
	}
	printf("%-52s %8s %8s\n", "step", "wall ms", "cpu ms");
	STEP("tracefs_local_events(DIR) (all formats + kallsyms)", tep = tracefs_local_events(argv[1]));
	STEP("tracefs_local_events_system(DIR, {kmem})", one = tracefs_local_events_system(argv[1], kmem));
	STEP("read /proc/kallsyms + tep_parse_kallsyms", {
		ks = tep_alloc();
		fp = fopen("/proc/kallsyms", "r");
		if (fp) {
			getdelim(&buf, &len, '\0', fp);
			fclose(fp);
			tep_parse_kallsyms(ks, buf);
		}
	});
	if (!tep) {
		perror(argv[1]);
		return 1;
	}
	STEP("tracefs_sql(tep, query)", synth = tracefs_sql(tep, "bench", argv[2], &err));
	if (!synth) {
		fprintf(stderr, "tracefs_sql failed: %s\n", err ? err : "?");
		return 1;
	}
	return 0;
}
