#!/bin/sh
# mamnon promote: the plan is printed and nothing written without
# --apply; with it, children move up into the next year's classes and
# the oldest group graduates.
set -eu
cfg=$TESTDIR/mamnon.ini
db=$TESTDIR/mamnon.db
printf '[database]\npath = %s\n' "$db" > "$cfg"
printf 'demo-pass-1\n' | "$MAMNON" -c "$cfg" init --admin admin \
    --password-stdin >/dev/null
printf 'demo-pass-1\n' | "$MAMNON" -c "$cfg" demo --password-stdin \
    >/dev/null

year=$(sqlite3 "$db" "SELECT name FROM school_years ORDER BY first_day
    DESC LIMIT 1")
first=${year%-*}
next="$((first + 1))-$((first + 2))"

# The same classes again in the next school year.
"$MAMNON" -c "$cfg" export classes --format csv > "$TESTDIR/classes.csv"
sed "s/,$year,/,$next,/" "$TESTDIR/classes.csv" > "$TESTDIR/next.csv"
"$MAMNON" -c "$cfg" import classes "$TESTDIR/next.csv" >/dev/null

count_next() {
	sqlite3 "$db" "SELECT count(*) FROM children c JOIN classes k ON
	    k.id = c.class_id JOIN school_years y ON y.id = k.school_year_id
	    WHERE y.name = '$next'"
}

"$MAMNON" -c "$cfg" promote --from "$year" --to "$next" \
    > "$TESTDIR/plan.txt"
grep -q 'lên lớp' "$TESTDIR/plan.txt" || {
	echo "the plan moves nobody:"
	cat "$TESTDIR/plan.txt"
	exit 1
}
grep -q 'Chưa ghi gì' "$TESTDIR/plan.txt" || {
	echo "the preview does not say that nothing was written"
	exit 1
}
[ "$(count_next)" = 0 ] || {
	echo "the preview moved children"
	exit 1
}

"$MAMNON" -c "$cfg" promote --from "$year" --to "$next" --apply \
    > "$TESTDIR/apply.txt"
moved=$(grep -c 'lên lớp [A-Z]' "$TESTDIR/apply.txt" || true)
[ "$(count_next)" = "$moved" ] || {
	echo "the plan moved $moved children, the database holds" \
	    "$(count_next) in $next"
	exit 1
}
graduated=$(sqlite3 "$db" \
    "SELECT count(*) FROM children WHERE status = 'graduated'")
[ "$graduated" -gt 0 ] || {
	echo "nobody graduated"
	exit 1
}

# Bad usage is exit status 2.
set +e
"$MAMNON" -c "$cfg" promote --from "$year" 2>/dev/null
[ $? = 2 ] || {
	echo "a missing --to did not give exit status 2"
	exit 1
}
exit 0
