# The two quick-start commands. Each sets up what it needs (.venv, Prism) and then runs.
.PHONY: generate test check golden

generate:
	@scripts/bootstrap.sh
	.venv/bin/sdkgen generate

check:
	@scripts/bootstrap.sh
	.venv/bin/sdkgen check

test:
	@scripts/test.sh

# Rewrite the golden files of the fixture specs (tests/fixtures/expected/) after an intended change.
golden:
	@scripts/bootstrap.sh
	.venv/bin/python -m pytest -q tests/generator/test_golden.py --update-golden
