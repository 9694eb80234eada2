# bench_lib.sh -- shared by the bench*.sh scripts (sourced, not run).
# Outputs go to tmpfs where there is one (BENCH_TMP, else /dev/shm): on a
# disk, the fsync of every output file would be most of what is timed.
# CPU time (user + system) is the cost: wall time depends on who else
# uses the machine.
bench_tmp() {
	mktemp -d -p "${BENCH_TMP:-/dev/shm}" respub-bench.XXXXXX 2>/dev/null ||
	    mktemp -d
}

# cpu CMD...: run it; $cpu is its user + system seconds, $kb its peak
# memory in KB.  $tmp must be set.
cpu() {
	/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1
	cpu=$(tail -n 1 "$tmp/time" | awk '{ printf "%.3f", $1 + $2 }')
	kb=$(tail -n 1 "$tmp/time" | awk '{ print $3 }')
}

# resolution N: one resolution of N operative paragraphs (about N x 170
# bytes), every tenth with subparagraphs and a citation, for the scaling
# series.
resolution() {
	awk -v n="$1" 'BEGIN {
	    print " 58/999. A resolution for the scaling series\n"
	    print " The General Assembly,\n"
	    print " Recalling its resolution 57/173 of 18 December 2002,\n"
	    for (i = 1; i <= n; i++)
		if (i % 10 == 0)
			printf " %d. Decides that the Council, in its resolution 1373 (2001) of 28 September 2001:\n\n (a) shall consider the matter;\n\n (b) shall report on it;\n\n", i
		else
			printf " %d. Requests the Secretary-General to report to it at its fifty-ninth session on the implementation of the present resolution, as called for in resolution 1377 (2001);\n\n", i
	}'
}

# growth FILE: the exponent b of time ~ size^b between the last two lines
# of FILE ("bytes seconds"); 1 is linear.
growth() {
	tail -n 2 "$1" | awk 'NR == 1 { b0 = $1; t0 = $2 }
	    NR == 2 && b0 > 0 && t0 > 0 && $1 != b0 {
		printf "%.2f", log($2 / t0) / log($1 / b0) }'
}
