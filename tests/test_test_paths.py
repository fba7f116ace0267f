"""Which paths are test code (one answer for both engines) and the path facts the cache keys on."""

from __future__ import annotations

import pytest

from v6lint import test_paths


@pytest.mark.parametrize(
    "path, expected",
    [
        ("test/helper.rb", True),
        ("cluster/test/support/orchestrator.rb", True),
        ("spec/client_spec.rb", True),
        ("lib/foo_test.rb", True),
        ("packages/client/lib/sentinel/index.spec.ts", True),
        ("test/types/community/client.test-d.ts", True),
        ("packages/test-utils/lib/fault-injector/cluster.ts", True),
        ("src/__tests__/url.js", True),
        ("tests/Redis/RedisConnectorTest.php", True),
        ("lib/puma/binder.rb", False),
        ("lib/latest.js", False),
        ("src/Contest.php", False),
        ("lib/testing_tools.rb", False),
        ("test/fixtures/app/server.js", False),
        ("src/Illuminate/Foundation/Testing/Concerns/InteractsWithRedis.php", True),
        # Java and .NET layouts.
        ("src/test/java/org/apache/zookeeper/ClientBase.java", True),
        ("src/Npgsql.Tests/ConnectionTests.cs", True),
        ("src/core/Akka.Remote.Tests/Transport/DotNettyTransportShutdownSpec.cs", True),
        ("Sonarr.Core.Test/Http/HttpClientFixture.cs", True),
        ("src/Npgsql/NpgsqlConnection.cs", False),
        ("src/Contests/Results.cs", False),
        ("src/main/java/org/apache/zookeeper/server/NettyServerCnxnFactory.java", False),
        # Python: the layouts of the stdlib, pytest and unittest projects.
        ("Lib/test/test_socket.py", True),
        ("tests/conftest.py", True),
        ("pkg/client_test.py", True),
        ("pkg/_tests/helpers.py", True),
        ("werkzeug/test.py", True),  # test helpers shipped with the library
        ("pkg/testing.py", True),
        ("pkg/contest.py", False),
        ("pkg/attestation.py", False),
        ("tests/fixtures/sample_server.py", False),
        ("src\\tests\\test_x.py", True),  # Windows separators
    ],
)
def test_is_test_path(path, expected):
    assert test_paths.is_test_path(path) is expected


def test_path_facts_name_what_rules_read():
    assert test_paths.path_facts("app.py") == test_paths.path_facts("src/deep/app.py")
    assert test_paths.path_facts("app.py") != test_paths.path_facts("tests/test_app.py")
    assert test_paths.path_facts("app/models.py") != test_paths.path_facts("app/migrations/0002_ip.py")
    assert test_paths.path_facts("conf.py") != test_paths.path_facts("gunicorn.conf.py")
