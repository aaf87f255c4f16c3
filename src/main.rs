//! The claimdiff command line: reads files, parses arguments, chooses colour, writes the report
//! and sets the exit code. All analysis lives in the library.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: the pipeline makes many small short-lived
/// allocations (words, keys, profiles), and mimalloc serves them markedly faster (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

/// mimalloc as the global allocator, asking for an alignment only when the size does not give
/// it: mimalloc aligns a block of at least 16 bytes to 16 and a smaller one to its size's
/// alignment ("naturally aligned", as its own aligned path checks first), so an alignment of at
/// most 16 and at most the size needs plain `mi_malloc`, which skips the aligned path's checks
/// (the `mimalloc` crate always takes it). Nearly every allocation here is of that kind. The
/// rule is the one the standard library's `System` allocator follows with `malloc`.
struct MiMalloc;

/// The largest alignment mimalloc's plain allocation guarantees (`MI_MAX_ALIGN_SIZE`).
const MI_MAX_ALIGN: usize = 16;

/// Whether a plain mimalloc allocation of `size` bytes is aligned to `align`.
fn plain(size: usize, align: usize) -> bool {
    align <= MI_MAX_ALIGN && align <= size
}

// SAFETY: every method hands the layout's size to mimalloc and asks for the layout's alignment
// unless a plain allocation of that size has it (see `plain`); blocks are freed by mimalloc,
// which allocated them.
unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation functions accept any size and a power-of-two alignment.
        unsafe {
            if plain(layout.size(), layout.align()) {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if plain(layout.size(), layout.align()) {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` was allocated by mimalloc (the caller's contract: by this allocator).
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by mimalloc with `layout`; the new block keeps its
        // alignment (plain when the new size gives it, asked for otherwise).
        unsafe {
            if plain(new_size, layout.align()) {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

fn main() -> ExitCode {
    cli::main()
}
