extension RunCommand {
    /// What `pagemill run --help` says below the abstract.
    static let discussion = """
        The producer and the collector run in this process; the workers are separate processes, \
        restarted if they die, talking over ipc:// endpoints in a private temporary folder. \
        Shows progress, then a summary. Exits 0 once every page is stored or recorded as \
        failed; SIGINT or SIGTERM drains, a second one stops at once.

        Crawl archives (.warc, .warc.gz, .warc.zst, WET) are read as crawlers write them: a \
        page's id is its WARC-Record-ID; other records are counted, damaged ones are failures \
        named archive@offset. A journal beside the database (DB.producer-journal) records what \
        was committed, and where in each archive: run the same command again after a crash and \
        only the rest is read and processed. --fresh starts over.

        Every page gets quality signals in pages.quality (JSON: Gopher, C4 and FineWeb numbers, \
        in the page's language) and each rule set's verdict in gopher_pass, c4_pass and \
        fineweb_pass (1 kept, 0 dropped), so a dataset is one WHERE away. FineWeb's keep rule:
          SELECT id, url, text FROM distinct_pages
          WHERE language = 'en' AND gopher_pass AND fineweb_pass
            AND json_extract(quality, '$.c4_fineweb_pass');

        Example: pagemill run crawl/*.warc.gz dump.jsonl.gz --db pages.sqlite --workers 8
        """
}
