"""The agency's forms made by our own code: blank forms, and filled ones in every shape real
submissions arrive in (used by `forms blank`, the demo and the tests)."""
