package connections

import (
	"context"
	"net"
	"net/url"
	"strings"
)

func init() {
	factory := &quicDialerFactory{}
	for _, scheme := range []string{"quic", "quic4", "quic6"} {
		dialers[scheme] = factory
	}
}

type quicDialer struct{ commonDialer }

func (d *quicDialer) Dial(ctx context.Context, uri *url.URL) (internalConn, error) {
	uri = fixupPort(uri, DefaultQUICPort)
	// ruleid: v6lint.go.family-scheme-network
	addr, err := net.ResolveUDPAddr("udp", uri.Host)
	if err != nil {
		return internalConn{}, err
	}
	return d.dialAddr(ctx, addr)
}

func (d *quicDialer) DialFixed(ctx context.Context, uri *url.URL) (internalConn, error) {
	network := strings.ReplaceAll(uri.Scheme, "quic", "udp")
	// ok: v6lint.go.family-scheme-network
	addr, err := net.ResolveUDPAddr(network, uri.Host)
	if err != nil {
		return internalConn{}, err
	}
	return d.dialAddr(ctx, addr)
}

func (d *quicDialer) DialRelay(ctx context.Context, uri *url.URL) (net.Conn, error) {
	var dialer net.Dialer
	// ruleid: v6lint.go.family-scheme-network
	return dialer.DialContext(ctx, "tcp", uri.Host)
}

func (d *quicDialer) DialPinned(ctx context.Context, uri *url.URL) (net.Conn, error) {
	var dialer net.Dialer
	// The scheme already chose the network.
	// ok: v6lint.go.family-scheme-network
	return dialer.DialContext(ctx, uri.Scheme, uri.Host)
}

func (d *quicDialer) DialV6(ctx context.Context, uri *url.URL) (internalConn, error) {
	// ok: v6lint.go.family-scheme-network
	addr, err := net.ResolveUDPAddr("udp6", uri.Host)
	if err != nil {
		return internalConn{}, err
	}
	return d.dialAddr(ctx, addr)
}

func (d *quicDialer) stun(cfg *Config) (*net.UDPAddr, error) {
	// A configured STUN server: no scheme asked for a family.
	// ok: v6lint.go.family-scheme-network
	return net.ResolveUDPAddr("udp", cfg.Host)
}
