// Keeps fuzz_codecs a valid library while no codec sources exist.
