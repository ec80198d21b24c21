// libFuzzer entry point for the extraction library. Compiled together with
// Sources/Extraction by Fuzz/run.sh (same module), so it needs no import of it.

import PageModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtraction(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let extractor = Extractor()
    // Every format path: declared HTML, declared text, and sniffed.
    _ = try? extractor.extract(RawPage(id: "fuzz", body: bytes, format: .html))
    _ = try? extractor.extract(RawPage(id: "fuzz", body: bytes, format: .text))
    _ = try? extractor.extract(RawPage(id: "fuzz", body: bytes, format: .unknown))
    return 0
}
