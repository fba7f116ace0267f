package main

// Imports only fmt and strconv on purpose: with "net" imported, the plain Sprintf("%s:%d")
// string/int cases belong to the fixable sprintf-host-port rule instead.
import (
	"fmt"
	"strconv"
)

type srv struct{ Addr string; Port uint16 }

type props struct{ PrivateIPAddress *string }

type opts struct {
	Host string
	Port int
}

func urls(host string, port int, s srv, key string, n int) []string {
	return []string{
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("http://%s:%d/health", host, port),
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("%s:%d", host, port),
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("%v:%v", s.Addr, s.Port),
		// ruleid: v6lint.go.host-port-join
		host + ":" + strconv.Itoa(port),
		// ok: v6lint.go.host-port-join
		fmt.Sprintf("%s:%d", key, n),
		// ok: v6lint.go.host-port-join
		key + ":" + strconv.Itoa(n),
		// ok: v6lint.go.host-port-join
		fmt.Sprintf("[%s]:%d", host, port),
	}
}

func clientURL(o *opts, tls bool) string {
	scheme := "nats://"
	if tls {
		scheme = "tls://"
	}
	// ruleid: v6lint.go.host-port-join
	return fmt.Sprintf("%s%s:%d", scheme, o.Host, o.Port)
}

func labels(ip props, port int, section, key string) []string {
	return []string{
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("%s:%d", *ip.PrivateIPAddress, port),
		// ok: v6lint.go.host-port-join
		fmt.Sprintf("%s%s:%d", section, key, port),
	}
}

type member struct {
	IP   []byte
	Port uint16
}

func backends(ms []member, raw net.IP, p int, code string, line int) []string {
	var out []string
	for _, m := range ms {
		// ruleid: v6lint.go.host-port-join
		out = append(out, fmt.Sprintf("%s:%d", net.IP(m.IP), m.Port))
		// ruleid: v6lint.go.host-port-join
		out = append(out, fmt.Sprintf("%v:%d", net.IP(m.IP).String(), m.Port))
		// ok: v6lint.go.host-port-join
		out = append(out, net.JoinHostPort(net.IP(m.IP).String(), strconv.Itoa(int(m.Port))))
	}
	// ruleid: v6lint.go.host-port-join
	out = append(out, fmt.Sprintf("%s:%d", raw, p))
	// ok: v6lint.go.host-port-join
	out = append(out, fmt.Sprintf("%s:%d", code, line))
	return out
}

func sourceAddr(address string) netip.AddrPort {
	addrPort, err := netip.ParseAddrPort(address)
	if err != nil {
		// ruleid: v6lint.go.host-port-join
		addrPort, _ = netip.ParseAddrPort(address + ":0")
	}
	return addrPort
}

func dnsServer(dnsAddr, label string) (string, string) {
	if _, _, err := net.SplitHostPort(dnsAddr); err != nil {
		// ruleid: v6lint.go.host-port-join
		dnsAddr += ":53"
	}
	// ok: v6lint.go.host-port-join
	label += ":1"
	// ok: v6lint.go.host-port-join
	ts := label + ":00"
	// ok: v6lint.go.host-port-join
	hostLabel := dnsAddr + ":tcp"
	return dnsAddr + ts, hostLabel
}

type logger struct{}

func (logger) Infof(format string, args ...interface{}) {}

func announce(l logger, proto, hostShow string, port int, user, pass, host string) {
	// ruleid: v6lint.go.host-port-join
	l.Infof("Starting web GUI on %s://%s:%d/", proto, hostShow, port)
	// ruleid: v6lint.go.host-port-join
	log.Printf("listening on http://%s:%d", hostShow, port)
	// ok: v6lint.go.host-port-join
	log.Printf("dsn %s://%s:%s@%s", proto, user, pass, host)
	// ok: v6lint.go.host-port-join
	l.Infof("Starting web GUI on %s://%s/", proto, net.JoinHostPort(hostShow, strconv.Itoa(port)))
	// ok: v6lint.go.host-port-join
	log.Printf("took %s: %d ms", strings.ToUpper(proto), port)
}
