package main

import (
	"net"
	"net/url"
	"strconv"
	"strings"
)

func fixupPort(uri *url.URL, defaultPort int) *url.URL {
	copyURI := *uri
	host, port, err := net.SplitHostPort(uri.Host)
	if err != nil && strings.Contains(err.Error(), "missing port") {
		// ruleid: v6lint.go.url-host-join
		copyURI.Host = net.JoinHostPort(uri.Host, strconv.Itoa(defaultPort))
	} else if err == nil && port == "" {
		// ok: v6lint.go.url-host-join
		copyURI.Host = net.JoinHostPort(host, strconv.Itoa(defaultPort))
	}
	return &copyURI
}

func target(u url.URL, server struct{ Host string }) []string {
	return []string{
		// ruleid: v6lint.go.url-host-join
		net.JoinHostPort(u.Host, "443"),
		// ok: v6lint.go.url-host-join
		net.JoinHostPort(u.Hostname(), "443"),
		// A struct field named Host that is not a URL's.
		// ok: v6lint.go.url-host-join
		net.JoinHostPort(server.Host, "443"),
	}
}

func stripped(u *url.URL) string {
	if strings.HasPrefix(u.Host, "[") {
		// ok: v6lint.go.url-host-join
		return net.JoinHostPort(strings.Trim(u.Host, "[]"), "80")
	}
	return u.Host
}
