# The two quick-start commands. Each sets up what it needs (.venv, Prism) and then runs.
.PHONY: generate test check

generate:
	@scripts/bootstrap.sh
	.venv/bin/sdkgen generate

check:
	@scripts/bootstrap.sh
	.venv/bin/sdkgen check

test:
	@scripts/test.sh
