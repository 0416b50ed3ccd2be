/*
 * The physical floor for a cross-core hand-off: two processes ping-pong one 64-bit word each over
 * shared memory (mmap MAP_SHARED), each pinned to its own CPU, with C11 release/acquire atomics.
 * No ring, no bounds checks, no runtime: whatever our .NET ring adds on top of this is overhead.
 *
 * Build: cc -O2 -o pingpong pingpong.c      (robotctl bench pipeline builds it itself)
 * Run:   ./pingpong <round_trips> [cpu_a cpu_b]
 * Prints one JSON line: {"round_trips":N,"rtt_p50_ns":..,"rtt_p99_ns":..,"rtt_min_ns":..,"rtt_max_ns":..,"pinned":true|false}
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct shared {
    _Alignas(128) _Atomic int64_t ping;   /* written by the initiator */
    _Alignas(128) _Atomic int64_t pong;   /* written by the echo process */
    _Alignas(128) char pad[128];
};

static int pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0;
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s <round_trips> [cpu_a cpu_b]\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    if (n < 1 || n > 100000000L) {
        fprintf(stderr, "round_trips must be between 1 and 100000000, got '%s'\n", argv[1]);
        return 2;
    }
    int cpu_a = argc > 3 ? atoi(argv[2]) : 0;
    int cpu_b = argc > 3 ? atoi(argv[3]) : 1;
    long warmup = n / 10 + 1000;

    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) { perror("mmap"); return 1; }
    memset(s, 0, sizeof *s);
    int64_t *samples = malloc(sizeof(int64_t) * (size_t)n);
    if (!samples) { perror("malloc"); return 1; }

    pid_t child = fork();
    if (child < 0) { perror("fork"); return 1; }
    if (child == 0) {
        pin(cpu_b);
        int64_t last = 0;
        for (;;) {
            int64_t v;
            while ((v = atomic_load_explicit(&s->ping, memory_order_acquire)) == last) { }
            if (v < 0) _exit(0);
            atomic_store_explicit(&s->pong, v, memory_order_release);
            last = v;
        }
    }

    int pinned = pin(cpu_a);
    int64_t seq = 0;
    for (long i = 0; i < warmup + n; i++) {
        ++seq;
        int64_t t0 = now_ns();
        atomic_store_explicit(&s->ping, seq, memory_order_release);
        while (atomic_load_explicit(&s->pong, memory_order_acquire) != seq) { }
        int64_t t1 = now_ns();
        if (i >= warmup) samples[i - warmup] = t1 - t0;
    }
    atomic_store_explicit(&s->ping, -1, memory_order_release);
    waitpid(child, NULL, 0);

    qsort(samples, (size_t)n, sizeof(int64_t), cmp);
    long p50 = (long)((n - 1) * 0.50), p99 = (long)((n - 1) * 0.99);
    printf("{\"round_trips\":%ld,\"rtt_p50_ns\":%lld,\"rtt_p99_ns\":%lld,\"rtt_min_ns\":%lld,\"rtt_max_ns\":%lld,\"pinned\":%s}\n",
           n, (long long)samples[p50], (long long)samples[p99], (long long)samples[0], (long long)samples[n - 1],
           pinned ? "true" : "false");
    free(samples);
    return 0;
}
