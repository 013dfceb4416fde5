import Foundation

/// glibc gives each thread that allocates while another holds the lock a heap of its own (arenas, up to eight per
/// core), and a heap keeps what is freed in it for reuse. A bulk load allocates and frees large blocks from several
/// threads at once (the file's chunks, a group's series, the analyses shared over the cores): the
/// five-million-value import kept 318 MB resident in arenas that each grew to the peak of their own threads. One
/// arena per core (two at least) took it to 190 MB at no cost in time (docs/benchmarks.md); fixing the size from
/// which blocks get mappings of their own (111 MB) cost 4% of the million-row import in page faults.
enum ProcessMemory {
    static func limitArenas() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>: `mallopt` is looked up, with `M_ARENA_MAX`'s value (-8).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }
}
