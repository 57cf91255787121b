"""``innograph conformance``: the W3C SPARQL 1.1 test suites replayed against any endpoint.

- ``manifest``: reads the suite's manifests into test cases (with the suite's IRIs mapped to files);
- ``runner``: sends each case over HTTP (SPARQL 1.1 Protocol) and judges the answer;
- ``results``: parses and compares result sets (multisets, blank-node renaming, numeric values);
- ``command``: the command line (``add_arguments``, ``run``).
"""
