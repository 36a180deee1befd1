# mamnon: build, test, install.  GNU make and pkg-config.
#
#   make            build ./mamnon
#   make run        install missing packages (as root), build, create the
#                   demo database under ./var, open the login screen
#   make check      the same set-up, then every test
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc

CC ?= cc
PKGS := ncursesw sqlite3 libxcrypt icu-uc icu-i18n xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(PKG_CFLAGS) -Isrc $(CFLAGS)
LIBS := $(PKG_LIBS) -liniparser -lm

# Debian packages the build, the program and the tests need.
# libxlsxwriter.pc links -lz, but libxlsxwriter-dev does not depend on
# zlib1g-dev, so a minimal system lacks it unless it is named here.
DEPS := build-essential pkg-config libncurses-dev libsqlite3-dev sqlite3 \
	libcrypt-dev libiniparser-dev libicu-dev libxlsxwriter-dev zlib1g-dev \
	libcmocka-dev libvterm-dev tmux tzdata locales openssh-server \
	openssh-client procps unzip debootstrap

CORE_SRC := $(sort $(wildcard src/core/*.c))
TUI_SRC := $(sort $(wildcard src/tui/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
GEN_SRC := build/gen/schema_sql.c

BUILD ?= build/release
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) \
	$(GEN_SRC:build/gen/%.c=$(BUILD)/gen/%.o)
APP_OBJ := $(TUI_SRC:%.c=$(BUILD)/%.o) $(CLI_SRC:%.c=$(BUILD)/%.o) \
	$(BUILD)/src/main.o

.PHONY: all run check deps install uninstall clean check-unit check-tui \
	check-load check-ssh check-fuzz check-asan bench demo-db

all: mamnon

mamnon: $(BUILD)/mamnon
	cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/mamnon: $(CORE_OBJ) $(APP_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/libmamnon.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# schema.sql becomes a C string, so an installed binary needs no file.
build/gen/schema_sql.c: schema.sql tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh mn_schema_sql < schema.sql > $@.tmp && mv $@.tmp $@

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- Dependencies -------------------------------------------------------

deps:
	@sh tools/deps.sh $(DEPS)

# ---- Demo and run -------------------------------------------------------

# The demo keeps its files as an installation does (see `mamnon check`):
# the folder 0750, the database and its files 0640 or tighter, nothing
# for other users, whatever the umask.  The folder of an older demo is
# tightened too.
var/mamnon.ini: etc/mamnon.ini
	@mkdir -p var
	@chmod 0750 var
	sed -e 's|^path = .*|path = mamnon.db|' \
	    -e 's|^dir = .*|dir = backups|' \
	    -e 's|^name = .*|name = Trường Mầm non Hoa Sen|' \
	    -e 's|^address =.*|address = 12 Nguyễn Du, Hà Nội|' \
	    etc/mamnon.ini > $@.tmp && chmod 0640 $@.tmp && mv -f $@.tmp $@

demo-db: mamnon var/mamnon.ini
	@chmod 0750 var
	@if [ ! -f var/mamnon.db ]; then \
		umask 007 && \
		echo 'demo1234' | ./mamnon -c var/mamnon.ini init \
		    --admin admin --password-stdin && \
		echo 'demo1234' | ./mamnon -c var/mamnon.ini demo \
		    --password-stdin; \
	fi
	@for f in var/mamnon.db var/mamnon.db-wal var/mamnon.db-shm \
	    var/backups var/exports; do \
		[ ! -e "$$f" ] || chmod o-rwx "$$f"; \
	done

run: deps
	$(MAKE) demo-db
	umask 007 && ./mamnon -c var/mamnon.ini

# ---- Tests --------------------------------------------------------------

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/helpers.c tests/unit/helpers.h \
    $(BUILD)/libmamnon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< tests/unit/helpers.c \
	    $(BUILD)/libmamnon.a $(LIBS) -lcmocka $(LDFLAGS)

VTDRIVE := $(BUILD)/tests/vtdrive
$(VTDRIVE): tests/tui/vtdrive.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(shell pkg-config --cflags --libs vterm) \
	    -lutil $(LDFLAGS)

check-unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

# A small program that draws the check boxes with the real TUI objects,
# built with this build's flags (the sanitizers under check-asan).
CHECKS_APP := $(BUILD)/tests/checks_app
$(CHECKS_APP): tests/tui/checks_app.c $(APP_OBJ) $(BUILD)/libmamnon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(filter-out %/main.o,$(APP_OBJ)) \
	    $(BUILD)/libmamnon.a $(LIBS) $(LDFLAGS)

check-tui: $(BUILD)/mamnon $(VTDRIVE) $(CHECKS_APP)
	@MAMNON=$(CURDIR)/$(BUILD)/mamnon VTDRIVE=$(CURDIR)/$(VTDRIVE) \
	    CHECKS_APP=$(CURDIR)/$(CHECKS_APP) sh tests/tui/run.sh

$(BUILD)/tests/writer: tests/load/writer.c $(BUILD)/libmamnon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libmamnon.a $(LIBS) $(LDFLAGS)

check-load: $(BUILD)/mamnon $(BUILD)/tests/writer
	@MAMNON=$(CURDIR)/$(BUILD)/mamnon \
	    WRITER=$(CURDIR)/$(BUILD)/tests/writer sh tests/load/run.sh

check-ssh: $(BUILD)/mamnon $(VTDRIVE)
	@MAMNON=$(CURDIR)/$(BUILD)/mamnon VTDRIVE=$(CURDIR)/$(VTDRIVE) \
	    sh tests/ssh/run.sh

check-fuzz: $(BUILD)/tests/fuzz_inputs
	@sh tests/fuzz/run.sh $(BUILD)/tests/fuzz_inputs

$(BUILD)/tests/fuzz_inputs: tests/fuzz/fuzz_inputs.c $(BUILD)/libmamnon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libmamnon.a $(LIBS) $(LDFLAGS)

# The unit and terminal tests again, built with ASan and UBSan.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
# ncurses keeps its screen allocations until exit, so leak checks are off
# for the terminal tests only.
check-asan:
	$(MAKE) BUILD=build/asan CFLAGS="$(SAN_FLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" check-unit check-fuzz
	ASAN_OPTIONS=detect_leaks=0 $(MAKE) BUILD=build/asan \
	    CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	    check-tui

check: deps
	$(MAKE) all demo-db
	$(MAKE) check-unit check-fuzz check-tui check-load check-ssh
	$(MAKE) check-asan
	@echo 'make check: all test groups passed'

$(BUILD)/tests/baseline: tests/bench/baseline.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(shell pkg-config --libs ncursesw)

$(BUILD)/tests/bench_%: tests/bench/%.c $(BUILD)/libmamnon.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libmamnon.a $(LIBS) $(LDFLAGS)

bench: $(BUILD)/mamnon $(VTDRIVE) $(BUILD)/tests/baseline \
    $(BUILD)/tests/bench_search $(BUILD)/tests/bench_saves
	@MAMNON=$(CURDIR)/$(BUILD)/mamnon VTDRIVE=$(CURDIR)/$(VTDRIVE) \
	    BASELINE=$(CURDIR)/$(BUILD)/tests/baseline \
	    BENCH_SEARCH=$(CURDIR)/$(BUILD)/tests/bench_search \
	    BENCH_SAVES=$(CURDIR)/$(BUILD)/tests/bench_saves \
	    sh tests/bench/run.sh

# ---- Install ------------------------------------------------------------

install: mamnon
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 \
	    $(DESTDIR)$(SYSCONFDIR)/mamnon
	install -m 755 mamnon $(DESTDIR)$(BINDIR)/mamnon
	install -m 644 man/mamnon.1 $(DESTDIR)$(MANDIR)/man1/mamnon.1
	install -m 644 man/mamnon.ini.5 $(DESTDIR)$(MANDIR)/man5/mamnon.ini.5
	[ ! -f man/mamnon.8 ] || \
	    install -m 644 man/mamnon.8 $(DESTDIR)$(MANDIR)/man8/mamnon.8
	[ -f $(DESTDIR)$(SYSCONFDIR)/mamnon/mamnon.ini ] || \
	    install -m 640 etc/mamnon.ini \
	    $(DESTDIR)$(SYSCONFDIR)/mamnon/mamnon.ini

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mamnon $(DESTDIR)$(MANDIR)/man1/mamnon.1 \
	    $(DESTDIR)$(MANDIR)/man5/mamnon.ini.5 \
	    $(DESTDIR)$(MANDIR)/man8/mamnon.8

clean:
	rm -rf build mamnon
