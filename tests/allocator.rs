//! The allocator as this checkout builds it: `.cargo/config.toml` compiles mimalloc with medium
//! pages of 128 KiB (`CFLAGS=-DMI_MEDIUM_PAGE_SHIFT=17`; docs/performance.md, 2026-12-07, late
//! night). A build that lost the flag still gives the same reports, only with more memory
//! touched, so nothing else would notice: this test does.

/// With medium pages of 128 KiB, blocks over 16 KiB have pages of their own and a request is
/// rounded up to whole 4 KiB pages (36,000 bytes to 36,864); with mimalloc's default pages of
/// 512 KiB, 36,000 bytes fall in a size class of 40,960.
#[test]
fn mimalloc_is_built_with_the_medium_pages_the_checkout_asks_for() {
    // SAFETY: `mi_good_size` only computes a size from a size; it reads and writes no memory.
    let good = unsafe { libmimalloc_sys::mi_good_size(36_000) };
    assert_eq!(
        good, 36_864,
        "mimalloc was built without -DMI_MEDIUM_PAGE_SHIFT=17 (.cargo/config.toml sets it \
         through CFLAGS; a CFLAGS already in the environment overrides it)"
    );
}
