#!/bin/sh
# Writes standard input as a C string constant named $1, so a text file
# (the schema) can be compiled into the binary without a runtime file.
set -eu
name=$1
printf 'const char %s[] =\n' "$name"
od -An -v -tx1 | sed -e 's/ *$//' -e 's/ \{1,\}/\\x/g' -e 's/^\(.*\)$/\t"\1"/'
printf ';\n'
