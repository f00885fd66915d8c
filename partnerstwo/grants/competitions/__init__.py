"""The open competition for offers: announcement, rules, lifecycle, public pages, results and exports."""
