import Testing

@testable import Cluster

@Suite struct ProcessMemoryTests {
    /// glibc takes both settings (a mapping threshold above its 32 MiB ceiling is refused).
    @Test func theAllocatorTakesTheSettings() {
        #if canImport(Glibc)
            #expect(ProcessMemory.keepFreedMemory())
            #expect(ProcessMemory.mappingThreshold <= 32 << 20)
        #endif
    }
}
