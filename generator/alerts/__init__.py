"""`statusblog alert`: an alert webhook body from a team's own monitoring -> draft incidents."""
