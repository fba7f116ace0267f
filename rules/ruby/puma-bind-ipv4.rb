# ruleid: v6lint.ruby.puma-bind-ipv4
bind "tcp://0.0.0.0:3000"
# ok: v6lint.ruby.puma-bind-ipv4
bind "tcp://[::]:3000"
# ok: v6lint.ruby.puma-bind-ipv4
bind "unix:///tmp/puma.sock"

port ENV.fetch("PORT") { 3000 }
# ruleid: v6lint.ruby.puma-bind-ipv4
bind "tcp://0.0.0.0:#{ENV.fetch('PORT', 3000)}"
# ok: v6lint.ruby.puma-bind-ipv4
bind "tcp://[::]:#{ENV.fetch('PORT', 3000)}"
# The default is "tcp://0.0.0.0:9292" (a comment: ok)
# ok: v6lint.ruby.puma-bind-ipv4
workers 2

module Server
  DEFAULTS = {
    # ruleid: v6lint.ruby.puma-bind-ipv4
    binds: ['tcp://0.0.0.0:9292'.freeze],
    # ruleid: v6lint.ruby.puma-bind-ipv4
    tcp_host: '0.0.0.0'.freeze,
    # ok: v6lint.ruby.puma-bind-ipv4
    control_url: 'tcp://127.0.0.1:9293',
    # ok: v6lint.ruby.puma-bind-ipv4
    redirect_url: 'http://0.0.0.0.example.net/',
  }
end

class TestSiteDefaults < Minitest::Test
  def test_default_addr
    site = Site.new
    # ok: v6lint.ruby.puma-bind-ipv4
    assert_equal('tcp://0.0.0.0:0', site.addr)
    # ok: v6lint.ruby.puma-bind-ipv4
    assert_equal ['tcp://0.0.0.0:9292'], conf.options[:binds]
  end

  def test_ssl_bind_string
    conf = Configuration.new { |c| c.ssl_bind "0.0.0.0", "9292", {} }
    # ok: v6lint.ruby.puma-bind-ipv4
    ssl_binding = "ssl://0.0.0.0:9292?&verify_mode=none"
    assert_equal [ssl_binding], conf.options[:binds]
  end

  def test_parse_binds_a_wildcard
    # ruleid: v6lint.ruby.puma-bind-ipv4
    @binder.parse ["tcp://0.0.0.0:0"], @log_writer
    # ruleid: v6lint.ruby.puma-bind-ipv4
    url = "tcp://0.0.0.0:#{port}"
    @binder.parse [url], @log_writer
    assert_equal url, @binder.connected_ports.first
  end
end
