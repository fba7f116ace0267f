impl Destination {
    pub fn set_host(&mut self, host: &str) -> crate::Result<()> {
        // ruleid: v6lint.rust.host-colon-rejected
        if host.contains(&['@', ':'][..]) {
            return Err(crate::error::Parse::Uri.into());
        }
        self.update_authority(host)
    }

    pub fn set_server(&mut self, server: &str) -> Result<(), String> {
        // ruleid: v6lint.rust.host-colon-rejected
        if server.contains(':') {
            return Err(format!("server {} must not carry a port", server));
        }
        Ok(())
    }

    pub fn set_user(&mut self, user: &str) -> crate::Result<()> {
        // A user name with a colon is ambiguous in user info; not an address.
        // ok: v6lint.rust.host-colon-rejected
        if user.contains(':') {
            return Err(crate::error::Parse::Uri.into());
        }
        Ok(())
    }

    pub fn set_host_checked(&mut self, host: &str) -> crate::Result<()> {
        // ok: v6lint.rust.host-colon-rejected
        if host.contains('@') {
            return Err(crate::error::Parse::Uri.into());
        }
        Ok(())
    }
}

fn with_port(addr: &str, default_port: u16) -> String {
    if !addr.contains(':') {
        // ruleid: v6lint.rust.host-colon-rejected
        return format!("{}:{}", addr, default_port);
    }
    addr.to_string()
}

fn label(name: &str, n: u32) -> String {
    if !name.contains(':') {
        // ok: v6lint.rust.host-colon-rejected
        return format!("{}:{}", name, n);
    }
    name.to_string()
}
