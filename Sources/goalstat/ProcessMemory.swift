#if canImport(Glibc)
import Glibc
#endif

/// glibc raises the size from which it serves an allocation with a mapping of its own each time such a block is
/// freed (up to 32 MB), and blocks under that size stay in its heaps once freed. A bulk load frees a 2 MB chunk of
/// its file and a group's series again and again, from several threads: the five-million-value import kept 318 MB
/// resident where 111 MB were in use (docs/benchmarks.md). A fixed threshold of 1 MB keeps every large block in a
/// mapping of its own, given back when freed; small blocks are served as before.
enum ProcessMemory {
    static func returnLargeBlocks() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>: `mallopt` is looked up, with `M_MMAP_THRESHOLD`'s value (-3).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 1 << 20)
        #endif
    }
}
