/*
 * test_arena.c - bump allocator: alignment, big blocks, reset reuse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/arena.h"

static void
test_alignment_and_contents(void **state)
{
	struct arena a;
	char *p[100];
	int i;

	(void)state;
	arena_init(&a, 1024);
	for (i = 0; i < 100; i++) {
		p[i] = arena_alloc(&a, (size_t)i + 1);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		memset(p[i], i, (size_t)i + 1);
	}
	for (i = 0; i < 100; i++)
		assert_int_equal((unsigned char)p[i][i], (unsigned char)i);
	arena_release(&a);
}

static void
test_big_and_reset(void **state)
{
	struct arena a;
	char *small, *big, *again;

	(void)state;
	arena_init(&a, 4096);
	small = arena_alloc(&a, 10);
	big = arena_alloc(&a, 100000);
	memset(big, 'x', 100000);
	strcpy(small, "still here");
	assert_string_equal(small, "still here");
	assert_true(a.used >= 100010);
	arena_reset(&a);
	assert_int_equal(a.used, 0);
	again = arena_alloc(&a, 10);
	assert_non_null(again);
	arena_release(&a);
}

static void
test_strings(void **state)
{
	struct arena a;
	char longfmt[600];

	(void)state;
	arena_init(&a, 256);
	assert_string_equal(arena_strdup(&a, "halo"), "halo");
	assert_string_equal(arena_strndup(&a, "halo dunia", 4), "halo");
	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_printf(&a, "%s-%03d", "KE", 7), "KE-007");
	memset(longfmt, 'y', sizeof(longfmt) - 1);
	longfmt[sizeof(longfmt) - 1] = '\0';
	assert_int_equal(strlen(arena_printf(&a, "%s!", longfmt)), sizeof(longfmt));
	assert_int_equal(((char *)arena_zalloc(&a, 32))[31], 0);
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment_and_contents),
		cmocka_unit_test(test_big_and_reset),
		cmocka_unit_test(test_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
