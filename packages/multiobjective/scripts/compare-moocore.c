/*
 * Timing driver for compare-moocore.ts: calls moocore's C library in-process (fpli_hv,
 * hv_contributions, pareto_rank) on point sets written by the TypeScript side, so the two are
 * timed on the same doubles and interleaved round by round. Written for jahskit; it only links
 * against moocore (built by compare-moocore.sh into a temporary folder), it contains none of it.
 *
 * Protocol, one command per line on stdin, one answer line on stdout:
 *   load <path> <n> <d>          read n x d little-endian doubles (row-major)     -> "ok"
 *   run <kernel> <reps> <out>    call the kernel reps times on the loaded set,
 *                                timing each call alone (copies made outside the
 *                                timer), write its result as doubles to <out>     -> "<total seconds>"
 *   cpu <kernel> <reps> <out>    the same, but the total is the process's CPU time over the
 *                                whole batch (copies for hvc included): on a machine shared
 *                                with other jobs, time spent descheduled does not count
 *   quit
 * Kernels: hv (1 value), hvc (n values, ignore_dominated = false: the exact
 * HV(all) - HV(all but i)), hvcnd (ignore_dominated = true, moocore's fast default), rank (n).
 * Reference point: 1.1 in every objective, minimisation.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* moocore's prototypes (hv.h, nondominated.h); its dimension_t is uint_fast8_t (config.h). */
extern double fpli_hv(const double *data, size_t n, uint_fast8_t d, const double *ref);
extern double hv_contributions(double *hvc, double *points, size_t n, uint_fast8_t d, const double *ref,
                               bool ignore_dominated);
extern void pareto_rank(int *rank, const double *points, size_t size, uint_fast8_t dim);

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double cpuNow(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(void) {
    char line[4096];
    double *pts = NULL, *work = NULL, *res = NULL, ref[64];
    int *rank = NULL;
    size_t n = 0;
    int d = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    while (fgets(line, sizeof line, stdin)) {
        char cmd[16], a[2048], b[2048];
        if (sscanf(line, "%15s", cmd) != 1) continue;
        if (strcmp(cmd, "quit") == 0) break;
        if (strcmp(cmd, "load") == 0) {
            size_t nn;
            int dd;
            if (sscanf(line, "%*s %2047s %zu %d", a, &nn, &dd) != 3 || dd < 1 || dd > 64) {
                printf("error bad load\n");
                continue;
            }
            free(pts); free(work); free(res); free(rank);
            n = nn;
            d = dd;
            pts = malloc(sizeof(double) * (n * d + 1));
            work = malloc(sizeof(double) * (n * d + 1));
            res = malloc(sizeof(double) * (n + 1));
            rank = malloc(sizeof(int) * (n + 1));
            FILE *f = fopen(a, "rb");
            if (!f || fread(pts, sizeof(double), n * d, f) != n * d) {
                printf("error cannot read %s\n", a);
                if (f) fclose(f);
                continue;
            }
            fclose(f);
            for (int j = 0; j < d; j++) ref[j] = 1.1;
            printf("ok\n");
            continue;
        }
        if (strcmp(cmd, "run") == 0 || strcmp(cmd, "cpu") == 0) {
            bool cpu = strcmp(cmd, "cpu") == 0;
            int reps;
            if (sscanf(line, "%*s %2047s %d %2047s", a, &reps, b) != 3 || reps < 1) {
                printf("error bad run\n");
                continue;
            }
            size_t outLen = 0;
            double total = 0;
            double cpu0 = cpuNow();
            for (int r = 0; r < reps; r++) {
                double t0, t1;
                if (strcmp(a, "hv") == 0) {
                    t0 = now();
                    res[0] = fpli_hv(pts, n, d, ref);
                    t1 = now();
                    outLen = 1;
                } else if (strcmp(a, "hvc") == 0 || strcmp(a, "hvcnd") == 0) {
                    /* hv_contributions may reorder its input: give it a fresh copy each call. */
                    memcpy(work, pts, sizeof(double) * n * d);
                    bool nd = strcmp(a, "hvcnd") == 0;
                    t0 = now();
                    hv_contributions(res, work, n, d, ref, nd);
                    t1 = now();
                    outLen = n;
                } else if (strcmp(a, "rank") == 0) {
                    t0 = now();
                    pareto_rank(rank, pts, n, d);
                    t1 = now();
                    outLen = n;
                } else {
                    break;
                }
                total += t1 - t0;
            }
            if (cpu) total = cpuNow() - cpu0;
            /* Outside the timed loop, as the TypeScript side converts its ranks outside its own. */
            if (strcmp(a, "rank") == 0)
                for (size_t i = 0; i < n; i++) res[i] = rank[i];
            /* The CPU clock cannot leave out the fresh copy hv_contributions needs before each
             * call: time the copies alone and take them off, so both sides count the kernel only. */
            if (cpu && outLen == n && strcmp(a, "rank") != 0) {
                double c0 = cpuNow();
                for (int r = 0; r < reps; r++) {
                    memcpy(work, pts, sizeof(double) * n * d);
                    __asm__ volatile("" : : "r"(work) : "memory");
                }
                total -= cpuNow() - c0;
            }
            if (outLen == 0) {
                printf("error unknown kernel %s\n", a);
                continue;
            }
            FILE *f = fopen(b, "wb");
            if (!f || fwrite(res, sizeof(double), outLen, f) != outLen) {
                printf("error cannot write %s\n", b);
                if (f) fclose(f);
                continue;
            }
            fclose(f);
            printf("%.9e\n", total);
            continue;
        }
        printf("error unknown command %s\n", cmd);
    }
    return 0;
}
